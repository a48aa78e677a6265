package ro.runner.runs.entity;

import java.time.Duration;

/**
 * How a consumer retries: attempt n+1 is sent with a delivery delay that doubles from firstDelay up
 * to maxDelay; after maxAttempts the item is DEAD. maxRedeliveries bounds the server's own
 * redeliveries of one JMS message (a handler transaction that keeps rolling back, a crash loop).
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, int maxRedeliveries) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(10), 5);

    public RetryPolicy {
        if (maxAttempts < 1 || maxRedeliveries < 1) {
            throw new IllegalArgumentException("maxAttempts and maxRedeliveries are at least 1");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("0 <= firstDelay <= maxDelay");
        }
    }

    /** The delay before the given attempt (2 = the first retry). */
    public Duration delayBefore(int attempt) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempt - 2, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public boolean lastAttempt(int attempt) {
        return attempt >= maxAttempts;
    }
}
