package ro.runner.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.time.Duration;
import ro.runner.runs.entity.Envelope;

/**
 * Sends envelopes in the caller's JTA transaction (its {@link TransactionJms} context), so a
 * message exists if and only if the change it announces committed.
 */
@ApplicationScoped
public class Messages {

    /** The attempt number a message carries; a first send is attempt 1. */
    public static final String ATTEMPT = "runnerAttempt";

    public static final String TYPE = "runnerType";

    @Inject
    TransactionJms jms;

    public void send(Queue queue, Envelope envelope, int priority) {
        send(queue, envelope, priority, 1);
    }

    /** The envelope as the given attempt of its message (the consumers' retry policy counts it). */
    public void send(Queue queue, Envelope envelope, int priority, int attempt) {
        send(queue, envelope.toJson(), envelope.type(), priority, Duration.ZERO, attempt);
    }

    /** The queue of a physical destination name (as {@code Queue.getQueueName()} gives it). */
    public Queue queue(String physicalName) {
        return jms.with(context -> context.createQueue(physicalName));
    }

    public void send(Queue queue, String body, String type, int priority, Duration delay, int attempt) {
        jms.with(context -> context.createProducer()
                .setPriority(priority)
                .setDeliveryDelay(delay.toMillis())
                .setProperty(ATTEMPT, attempt)
                .setProperty(TYPE, type)
                .send(queue, body));
    }
}
