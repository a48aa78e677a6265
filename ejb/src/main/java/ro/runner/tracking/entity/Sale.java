package ro.runner.tracking.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;

/** An order as tracking sees it: who bought, how much, from where; lines as a JSON array. */
public record Sale(
        long orderId,
        String number,
        String email,
        String name,
        BigDecimal total,
        String currency,
        String trafficSource,
        String campaign,
        Timestamp at,
        int items,
        String linesJson) {}
