package ro.runner.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives the messages waiting on a queue, in the caller's JTA transaction: they are consumed if
 * and only if it commits, and go back to the queue otherwise. The context is the transaction's
 * (shared with {@link Messages}), so receiving and sending in one transaction use one session.
 */
@ApplicationScoped
public class Receiver {

    /** How long to wait for each message: an empty queue costs a batch this much. */
    private static final long WAIT_MS = 10;

    // The server-level name, as in Messages (the __pm lookup of injected contexts).
    @Inject
    @JMSConnectionFactory("jms/runner/ConnectionFactory")
    JMSContext jms;

    /** Up to max messages, as many as are there now. */
    public List<Message> more(Queue queue, int max) {
        List<Message> received = new ArrayList<>();
        if (max > 0) {
            try (JMSConsumer consumer = jms.createConsumer(queue)) {
                Message next;
                while (received.size() < max && (next = consumer.receive(WAIT_MS)) != null) {
                    received.add(next);
                }
            }
        }
        return received;
    }
}
