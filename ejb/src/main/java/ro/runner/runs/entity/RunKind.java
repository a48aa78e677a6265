package ro.runner.runs.entity;

/** What started a run. */
public enum RunKind {
    TIMER,
    BATCH,
    MESSAGE,
    MANUAL
}
