package ro.runner.orders.entity;

import jakarta.ejb.ApplicationException;

/** A change the order's current state does not allow (a status transition, a used-up promo code). */
@ApplicationException(rollback = true)
public class OrderConflict extends RuntimeException {

    public OrderConflict(String message) {
        super(message);
    }
}
