package ro.runner.runs.boundary;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.function.Consumer;
import ro.runner.runs.control.Messages;
import ro.runner.runs.entity.Envelope;
import ro.runner.runs.entity.RetryPolicy;
import ro.runner.runs.entity.RunKind;
import ro.runner.runs.entity.RunStatus;
import ro.runner.runs.entity.Tags;

/**
 * What every consumer does with a message, in the consumer's transaction: run the handler in a
 * transaction of its own; on failure keep a retry that {@link RetryDispatcher} sends after a growing
 * delay, or mark
 * it DEAD in the ledger after the policy's last attempt. Each attempt is one ledger row. The
 * consumption, the ledger row and the retry commit together, so a message is never both retried
 * and lost. A message the server keeps redelivering (JMSXDeliveryCount above the policy's bound) is
 * DEAD at once: a loop never spins forever.
 */
@Stateless
public class Redelivery {

    @Inject
    RunLedger ledger;

    @Inject
    Isolated isolated;

    @Inject
    RetryDispatcher retries;

    public void handle(String consumer, Message message, Queue queue, RetryPolicy policy, Consumer<Envelope> handler) {
        String body = text(message);
        int attempt = intProperty(message, Messages.ATTEMPT, 1);
        int deliveries = intProperty(message, "JMSXDeliveryCount", 1);
        Envelope envelope;
        try {
            envelope = Envelope.parse(body);
        } catch (IllegalArgumentException malformed) {
            long run = ledger.start(RunKind.MESSAGE, consumer, Tags.NONE, null, attempt);
            ledger.dead(run, malformed, destination(queue), body);
            return;
        }
        long run = ledger.start(RunKind.MESSAGE, consumer, Tags.of("type", envelope.type()), envelope.id(), attempt);
        if (deliveries > policy.maxRedeliveries()) {
            ledger.dead(
                    run,
                    new IllegalStateException(
                            "delivered " + deliveries + " times: its handling transaction" + " kept failing"),
                    destination(queue),
                    body);
            return;
        }
        try {
            isolated.run(() -> handler.accept(envelope));
            ledger.succeed(run, null);
        } catch (RuntimeException failure) {
            Throwable cause =
                    failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
            if (policy.lastAttempt(attempt)) {
                ledger.dead(run, cause, destination(queue), body);
            } else {
                ledger.fail(run, RunStatus.FAILED, cause);
                retries.schedule(
                        destination(queue),
                        body,
                        envelope.type(),
                        priority(message),
                        attempt + 1,
                        policy.delayBefore(attempt + 1));
            }
        }
    }

    private static String text(Message message) {
        try {
            return message instanceof TextMessage text ? text.getText() : null;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a message body", e);
        }
    }

    private static int intProperty(Message message, String name, int absent) {
        try {
            return message.propertyExists(name) ? message.getIntProperty(name) : absent;
        } catch (JMSException e) {
            return absent;
        }
    }

    private static int priority(Message message) {
        try {
            return message.getJMSPriority();
        } catch (JMSException e) {
            return 4;
        }
    }

    private static String destination(Queue queue) {
        try {
            return queue.getQueueName();
        } catch (JMSException e) {
            return String.valueOf(queue);
        }
    }
}
