package ro.runner.notifications.entity;

/** QUEUED (message sent), SENDING (an attempt runs), SENT, FAILED (will retry), DEAD (gave up). */
public enum NotificationStatus {
    QUEUED,
    SENDING,
    SENT,
    FAILED,
    DEAD
}
