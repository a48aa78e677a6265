package ro.runner.notifications.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import ro.runner.notifications.control.MailComposer;
import ro.runner.notifications.control.Mailer;
import ro.runner.notifications.entity.Mail;

/**
 * One delivery attempt: start it in the ledger, render, send, record SENT; on failure record it
 * (DEAD at the last attempt) and rethrow, so the consumer schedules the retry. A notification that
 * is SENT already is not sent again.
 */
@Stateless
public class Delivery {

    @Inject
    Deliveries deliveries;

    @Inject
    MailComposer composer;

    @Inject
    Mailer mailer;

    public void deliver(long id, int maxAttempts) {
        var started = deliveries.start(id);
        if (started.isEmpty()) {
            return;
        }
        var attempt = started.get();
        try {
            Mail mail = composer.compose(attempt.type(), attempt.model());
            String messageId = mailer.send("<notification-" + id + "@runner.local>", attempt.recipient(), mail);
            deliveries.sent(id, mail.subject(), messageId);
        } catch (RuntimeException failure) {
            String error = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
            boolean dead = attempt.attempt() >= maxAttempts;
            deliveries.failed(id, error, dead);
            throw new DeliveryFailed(
                    "notification " + id + (dead ? " DEAD after attempt " : " failed attempt ") + attempt.attempt()
                            + ": " + error,
                    failure);
        }
    }
}
