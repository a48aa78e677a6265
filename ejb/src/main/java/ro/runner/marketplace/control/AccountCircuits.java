package ro.runner.marketplace.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per account. MicroProfile's {@code @CircuitBreaker} keeps one circuit per
 * method, which would let one account's outage stop the other; here each account opens after
 * {@code THRESHOLD} failed calls in a row (each call already retried), stays open for
 * {@code OPEN_FOR}, then lets one trial call through.
 */
@ApplicationScoped
public class AccountCircuits {

    static final int THRESHOLD = 3;
    static final Duration OPEN_FOR = Duration.ofSeconds(60);

    public record State(int failures, Instant openUntil, String lastError) {
        public boolean open(Instant now) {
            return openUntil != null && now.isBefore(openUntil);
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** Throws {@link CircuitOpen} while the account's circuit is open. */
    public void check(String account) {
        State s = states.get(account);
        if (s != null && s.open(Instant.now())) {
            throw new CircuitOpen(account, s.openUntil(), s.lastError());
        }
    }

    public void succeeded(String account) {
        states.remove(account);
    }

    public void failed(String account, String error) {
        states.compute(account, (a, s) -> {
            int failures = (s == null ? 0 : s.failures()) + 1;
            Instant openUntil = failures >= THRESHOLD ? Instant.now().plus(OPEN_FOR) : null;
            return new State(failures, openUntil, error);
        });
    }

    public State state(String account) {
        return states.getOrDefault(account, new State(0, null, null));
    }

    /** Thrown instead of calling eMAG while the circuit is open. */
    public static class CircuitOpen extends RuntimeException {
        public CircuitOpen(String account, Instant until, String lastError) {
            super("circuit open for account " + account + " until " + until + " after repeated failures; last: "
                    + lastError);
        }
    }
}
