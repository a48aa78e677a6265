package ro.runner.imports.job;

import java.io.Serializable;

/** The reader's checkpoint: the last physical line consumed and the byte offset just after it. */
public record LinePosition(long line, long offset) implements Serializable {}
