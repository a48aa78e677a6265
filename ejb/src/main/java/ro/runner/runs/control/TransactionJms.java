package ro.runner.runs.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Function;

/**
 * The JMS context of the caller's JTA transaction: created from the server's connection factory at
 * its first use (the resource adapter enlists it in the transaction, so what it sends and receives
 * commits or rolls back with the database work) and closed when the transaction ends.
 *
 * <p>Why not the injected {@code @JMSConnectionFactory JMSContext}: Payara hands it out through
 * {@code TransactedJMSContextManager.getContext()}, a synchronized method of one application-wide
 * Weld proxy, and holds that lock while it opens the transaction's session, a round trip to the
 * broker. Every transaction of the server that sent or received a message queued on that one lock:
 * thread dumps of the orders benchmark found 233 of about 330 samples of request threads blocked
 * there, and the consumers too.
 */
@ApplicationScoped
public class TransactionJms {

    @Resource(lookup = "java:app/jms/ConnectionFactory")
    ConnectionFactory factory;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Runs the work with the transaction's context; outside a transaction with a context of its own,
     * closed afterwards (what is sent then is sent at once).
     */
    public <T> T with(Function<JMSContext, T> work) {
        if (transactions.getTransactionKey() == null) {
            try (JMSContext own = factory.createContext()) {
                return work.apply(own);
            }
        }
        return work.apply(context());
    }

    private JMSContext context() {
        JMSContext context = (JMSContext) transactions.getResource(TransactionJms.class);
        if (context == null) {
            JMSContext opened = factory.createContext();
            try {
                // refused when the transaction can no longer register one (e.g. it is ending): the
                // context is then closed here rather than left open with no one to close it
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        opened.close();
                    }
                });
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            transactions.putResource(TransactionJms.class, opened);
            context = opened;
        }
        return context;
    }
}
