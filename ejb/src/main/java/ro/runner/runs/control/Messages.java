package ro.runner.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;
import ro.runner.runs.entity.Envelope;

/**
 * Sends envelopes. The container-managed JMS context joins the caller's JTA transaction, so a
 * message exists if and only if the change it announces committed.
 */
@ApplicationScoped
public class Messages {

    /** The attempt number a message carries; a first send is attempt 1. */
    public static final String ATTEMPT = "runnerAttempt";

    public static final String TYPE = "runnerType";

    // The server-level name: Payara looks the injected context's factory up under name + "__pm",
    // which exists for server resources only, not for java:app names mapped in application.xml.
    @Inject
    @JMSConnectionFactory("jms/runner/ConnectionFactory")
    JMSContext jms;

    public void send(Queue queue, Envelope envelope, int priority) {
        send(queue, envelope.toJson(), envelope.type(), priority, Duration.ZERO, 1);
    }

    /** The queue of a physical destination name (as {@code Queue.getQueueName()} gives it). */
    public Queue queue(String physicalName) {
        return jms.createQueue(physicalName);
    }

    public void send(Queue queue, String body, String type, int priority, Duration delay, int attempt) {
        jms.createProducer()
                .setPriority(priority)
                .setDeliveryDelay(delay.toMillis())
                .setProperty(ATTEMPT, attempt)
                .setProperty(TYPE, type)
                .send(queue, body);
    }
}
