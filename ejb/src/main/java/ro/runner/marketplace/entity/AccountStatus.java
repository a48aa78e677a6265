package ro.runner.marketplace.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * An account's order-sync health: success rate over 24 h, last success, last error, and a score
 * 0..100 = success rate × recency (full within 15 minutes of the last success, falling to 0 at 2 hours).
 */
public record AccountStatus(
        String account,
        AccountType type,
        boolean enabled,
        int health,
        Double successRate24h,
        long runs24h,
        Instant lastSuccess,
        Instant lastErrorAt,
        String lastError,
        boolean circuitOpen) {

    public static int health(Double successRate, Instant lastSuccess, Instant now) {
        if (successRate == null || lastSuccess == null) {
            return 0;
        }
        long minutes = Duration.between(lastSuccess, now).toMinutes();
        double recency = minutes <= 15 ? 1 : Math.max(0, 1 - (minutes - 15) / 105.0);
        return (int) Math.round(100 * successRate * recency);
    }
}
