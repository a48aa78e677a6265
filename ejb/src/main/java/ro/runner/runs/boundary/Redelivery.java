package ro.runner.runs.boundary;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import ro.runner.runs.control.Messages;
import ro.runner.runs.control.Receiver;
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

    private static final Logger LOG = Logger.getLogger(Redelivery.class.getName());

    @Inject
    RunLedger ledger;

    @Inject
    Isolated isolated;

    @Inject
    RetryDispatcher retries;

    @Inject
    Receiver receiver;

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
        Tags tags = Tags.of("type", envelope.type());
        if (deliveries > policy.maxRedeliveries()) {
            long run = ledger.start(RunKind.MESSAGE, consumer, tags, envelope.id(), attempt);
            ledger.dead(
                    run,
                    new IllegalStateException(
                            "delivered " + deliveries + " times: its handling transaction" + " kept failing"),
                    destination(queue),
                    body);
            return;
        }
        Instant started = Instant.now();
        try {
            // A success's ledger row commits with the work, in the handler's transaction: one
            // transaction per message instead of three (start, work, end). A failure rolls the row
            // back with the work and is recorded below in transactions of its own.
            isolated.run(() -> {
                handler.accept(envelope);
                ledger.succeededAll(
                        RunKind.MESSAGE,
                        consumer,
                        List.of(new RunLedger.Handled(tags, envelope.id(), attempt)),
                        started);
            });
        } catch (RuntimeException failure) {
            long run = ledger.start(RunKind.MESSAGE, consumer, tags, envelope.id(), attempt, started);
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

    /**
     * Handles the message and, when more wait on its queue, up to max - 1 of them together. The
     * extra messages are received in a transaction of their own (the receipts' transaction); the
     * first deliveries among them are given to batchHandler at once in a transaction nested in it,
     * with their ledger rows (one per message), so a backlog costs one transaction per batch instead
     * of one or three per message. When that nested transaction fails, each message of the batch is
     * handled on its own as {@link #handle} does, still under its receipt: a bad message costs only
     * its own retries, never its neighbours', and no message goes back to the queue to be handled a
     * second time. A redelivered or malformed message never joins a batch; it is handled on its own
     * after the batch. The receipts hold no database lock while the nested transactions work, so
     * those never wait on them. The extra messages are received apart from the consumer's own
     * transaction, because OpenMQ fails to start an MDB's transaction branch after one that held both
     * an inbound and an outbound session ("Unknown XID").
     */
    public void handleAll(
            String consumer,
            Message message,
            Queue queue,
            RetryPolicy policy,
            int max,
            Consumer<List<Envelope>> batchHandler,
            Consumer<Envelope> handler) {
        Envelope first = firstDelivery(message);
        if (first == null || max <= 1) {
            handle(consumer, message, queue, policy, handler);
            return;
        }
        Instant started = Instant.now();
        var firstHandled = new AtomicBoolean();
        try {
            isolated.run(() -> {
                var batch = new ArrayList<Message>();
                var envelopes = new ArrayList<Envelope>(List.of(first));
                var handled = new ArrayList<RunLedger.Handled>(List.of(handled(message, first)));
                var alone = new ArrayList<Message>();
                for (Message more : receiver.more(queue, max - 1)) {
                    Envelope envelope = firstDelivery(more);
                    if (envelope == null) {
                        alone.add(more);
                    } else {
                        batch.add(more);
                        envelopes.add(envelope);
                        handled.add(handled(more, envelope));
                    }
                }
                // with nothing to join it, this message is handled alone below (its handler run once)
                if (!batch.isEmpty() && together(consumer, envelopes, handled, started, batchHandler)) {
                    firstHandled.set(true);
                } else {
                    alone.addAll(0, batch);
                }
                for (Message more : alone) {
                    handle(consumer, more, queue, policy, handler);
                }
            });
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, consumer + ": receiving a batch failed (" + failure + ")");
        }
        if (!firstHandled.get()) {
            // in the consumer's transaction, which holds this message's receipt
            handle(consumer, message, queue, policy, handler);
        }
    }

    /** Runs the batch in a transaction of its own with its ledger rows; false when it failed. */
    private boolean together(
            String consumer,
            List<Envelope> envelopes,
            List<RunLedger.Handled> handled,
            Instant started,
            Consumer<List<Envelope>> batchHandler) {
        try {
            isolated.run(() -> {
                batchHandler.accept(envelopes);
                ledger.succeededAll(RunKind.MESSAGE, consumer, handled, started);
            });
            return true;
        } catch (RuntimeException failure) {
            LOG.log(
                    Level.WARNING,
                    consumer + ": a batch of " + envelopes.size() + " failed (" + failure
                            + "); handling its messages one by one");
            return false;
        }
    }

    /** The envelope of a first delivery; null for a redelivered or malformed message. */
    private static Envelope firstDelivery(Message message) {
        return intProperty(message, "JMSXDeliveryCount", 1) == 1 ? parsed(text(message)) : null;
    }

    private static RunLedger.Handled handled(Message message, Envelope envelope) {
        return new RunLedger.Handled(
                Tags.of("type", envelope.type()), envelope.id(), intProperty(message, Messages.ATTEMPT, 1));
    }

    private static Envelope parsed(String body) {
        try {
            return Envelope.parse(body);
        } catch (IllegalArgumentException malformed) {
            return null;
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
