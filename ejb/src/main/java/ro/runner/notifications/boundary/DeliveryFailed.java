package ro.runner.notifications.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A delivery attempt that failed, already recorded on the notification's row. An application
 * exception, so the container hands it to the consumer as it is (a plain runtime exception arrived
 * wrapped in TransactionRolledbackLocalException, and the run ledger showed that instead of why).
 */
@ApplicationException(rollback = true)
public class DeliveryFailed extends RuntimeException {

    DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
