package ro.runner.notifications.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ro.runner.notifications.boundary.NotificationQueries;
import ro.runner.notifications.boundary.Notifications;
import ro.runner.notifications.entity.Mail;
import ro.runner.notifications.entity.Notification;
import ro.runner.notifications.entity.NotificationStatus;
import ro.runner.runs.console.Feedback;
import ro.runner.runs.console.OperatorAction;

/**
 * The Notifications page: filter by status, type and recipient; the rendered mail with its
 * attachments; resend one; retry every DEAD one.
 */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    @EJB
    NotificationQueries queries;

    @EJB
    Notifications notifications;

    private NotificationStatus status;
    private String type;
    private String recipient;
    private List<Notification> list;
    private Long shown;
    private transient Mail mail;

    public List<Notification> getList() {
        if (list == null) {
            try {
                list = queries.find(status, blank(type), blank(recipient), null, 0, 200)
                        .items();
            } catch (RuntimeException e) {
                Feedback.error(e);
                list = List.of();
            }
        }
        return list;
    }

    public void search() {
        list = null;
    }

    public void show(long id) {
        try {
            shown = id;
            mail = notifications.preview(id);
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
    }

    @OperatorAction
    public void resend(long id) {
        try {
            notifications.resend(id);
            Feedback.info("notification " + id + " queued again");
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
        list = null;
    }

    @OperatorAction
    public void retryDead() {
        try {
            Feedback.info(notifications.retryDead() + " DEAD notifications queued again");
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
        list = null;
    }

    public NotificationStatus[] getStatuses() {
        return NotificationStatus.values();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Mail getMail() {
        return mail;
    }

    public Long getShown() {
        return shown;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public void setStatus(NotificationStatus status) {
        this.status = status;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }
}
