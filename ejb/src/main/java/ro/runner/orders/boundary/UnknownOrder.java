package ro.runner.orders.boundary;

import jakarta.ejb.ApplicationException;

/** An order id that does not exist. */
@ApplicationException(rollback = true)
public class UnknownOrder extends RuntimeException {

    public UnknownOrder(long id) {
        super("no order " + id);
    }
}
