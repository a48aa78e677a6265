package ro.runner.notifications.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import ro.runner.runs.boundary.ScheduledTask;

/**
 * The notifications-recovery schedule: a row QUEUED for long lost its message (a broker store
 * wiped, a message deleted by hand), and so did a row SENDING for long (its attempt was cut off and
 * the message dead-lettered, as a redeploy with deliveries in flight can do); each gets a new one.
 * A row FAILED for long with no retry waiting lost its retry; it is sent again as its next attempt.
 * Sending twice is harmless: a SENT row is not sent again.
 */
@ApplicationScoped
public class NotificationsRecovery implements ScheduledTask {

    @EJB
    Notifications notifications;

    @Override
    public String name() {
        return "notifications-recovery";
    }

    @Override
    public String run(Map<String, String> parameters) {
        int minutes = Integer.parseInt(parameters.getOrDefault("olderThanMinutes", "10"));
        return "re-queued " + notifications.recoverStuck(minutes) + " notifications QUEUED, SENDING or FAILED for over "
                + minutes + " min";
    }
}
