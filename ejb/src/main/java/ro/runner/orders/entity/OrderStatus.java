package ro.runner.orders.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an order: PENDING → PAID → CONFIRMED → COMPLETED, CANCELLED before it is confirmed,
 * REFUNDED once money was taken. CANCELLED and REFUNDED are final.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    CONFIRMED,
    COMPLETED,
    CANCELLED,
    REFUNDED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(CONFIRMED, CANCELLED, REFUNDED);
            case CONFIRMED -> EnumSet.of(COMPLETED, REFUNDED);
            case COMPLETED -> EnumSet.of(REFUNDED);
            case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** The statuses whose arrival the tracking queue hears about. */
    public boolean tracked() {
        return this == PAID || this == CONFIRMED || this == COMPLETED;
    }
}
