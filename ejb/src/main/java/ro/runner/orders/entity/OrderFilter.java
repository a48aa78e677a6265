package ro.runner.orders.entity;

import java.time.Instant;

/** What a list of orders is narrowed to; every part is optional. */
public record OrderFilter(
        OrderStatus status, OrderSource source, String email, Instant from, Instant to, int page, int size) {

    public OrderFilter {
        if (page < 0) {
            throw new IllegalArgumentException("page starts at 0");
        }
        if (size < 1 || size > 500) {
            throw new IllegalArgumentException("size is 1 to 500");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from is before to");
        }
    }
}
