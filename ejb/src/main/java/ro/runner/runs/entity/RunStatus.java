package ro.runner.runs.entity;

/** Where a run stands. DEAD is a message that failed its last allowed attempt. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    DEAD;

    public boolean finished() {
        return this != RUNNING;
    }
}
