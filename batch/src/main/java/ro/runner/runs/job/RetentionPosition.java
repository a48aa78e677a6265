package ro.runner.runs.job;

import java.io.Serializable;
import java.time.Instant;

/** The reader's checkpoint: the cut-off chosen at the first start and the last id handed on. */
public record RetentionPosition(Instant cutoff, long lastId) implements Serializable {}
