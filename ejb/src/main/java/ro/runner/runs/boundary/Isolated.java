package ro.runner.runs.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Runs a handler in a transaction of its own, so its failure rolls back only its own work and the
 * consumer's transaction can still record the attempt and schedule the retry.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Isolated {

    public void run(Runnable work) {
        work.run();
    }
}
