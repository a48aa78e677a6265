package ro.runner.notifications.entity;

/** A notification's priority, carried as the JMS priority so the broker delivers high ones first. */
public enum Priority {
    HIGH(7),
    DEFAULT(4),
    LOW(1);

    private final int jms;

    Priority(int jms) {
        this.jms = jms;
    }

    public int jms() {
        return jms;
    }
}
