package ro.runner.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives the messages waiting on a queue, in the caller's JTA transaction: they are consumed if
 * and only if it commits, and go back to the queue otherwise. The context is the transaction's
 * ({@link TransactionJms}, shared with {@link Messages}), so receiving and sending in one
 * transaction use one session.
 */
@ApplicationScoped
public class Receiver {

    /** How long to wait for each message: an empty queue costs a batch this much. */
    private static final long WAIT_MS = 10;

    @Inject
    TransactionJms jms;

    /** Up to max messages, as many as are there now. */
    public List<Message> more(Queue queue, int max) {
        if (max <= 0) {
            return List.of();
        }
        return jms.with(context -> {
            List<Message> received = new ArrayList<>();
            try (JMSConsumer consumer = context.createConsumer(queue)) {
                Message next;
                while (received.size() < max && (next = consumer.receive(WAIT_MS)) != null) {
                    received.add(next);
                }
            }
            return received;
        });
    }
}
