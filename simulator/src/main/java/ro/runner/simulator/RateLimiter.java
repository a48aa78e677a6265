package ro.runner.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * eMAG's limits per account and route class, counted in calendar seconds of the simulator's clock:
 * a request is accepted while fewer than {@code limit} were accepted in its second, else it gets
 * 429. Every request counts, rejected or not, towards the peak the report shows, so a client that
 * respects the budget shows a peak at or below the limit and no 429s.
 */
public class RateLimiter {

    /** The answer to one request; the remaining figures feed the X-RateLimit-*-3second headers. */
    public record Decision(boolean allowed, int limit3Seconds, int remaining3Seconds) {}

    /** What one account and route class saw. */
    public record Stats(int limit, int peakPerSecond, long secondsOverBudget, long accepted, long rejected) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public Decision acquire(String account, RouteClass routeClass, int limit, long nowMillis) {
        return windows.computeIfAbsent(account + "/" + routeClass, k -> new Window(limit))
                .acquire(nowMillis / 1000);
    }

    public Map<String, Stats> stats() {
        Map<String, Stats> result = new LinkedHashMap<>();
        windows.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> result.put(e.getKey(), e.getValue().stats()));
        return result;
    }

    public void reset() {
        windows.clear();
    }

    private static final class Window {
        private final int limit;
        private final long[] seconds = new long[3];
        private final int[] received = new int[3];
        private final int[] accepted = new int[3];
        private int peak;
        private long overBudget;
        private long acceptedTotal;
        private long rejectedTotal;

        Window(int limit) {
            this.limit = limit;
        }

        synchronized Decision acquire(long second) {
            int slot = (int) (second % 3);
            if (seconds[slot] != second) {
                seconds[slot] = second;
                received[slot] = 0;
                accepted[slot] = 0;
            }
            received[slot]++;
            peak = Math.max(peak, received[slot]);
            if (received[slot] == limit + 1) {
                overBudget++;
            }
            boolean allowed = accepted[slot] < limit;
            if (allowed) {
                accepted[slot]++;
                acceptedTotal++;
            } else {
                rejectedTotal++;
            }
            int used = 0;
            for (int i = 0; i < 3; i++) {
                if (second - seconds[i] < 3) {
                    used += accepted[i];
                }
            }
            return new Decision(allowed, 3 * limit, Math.max(0, 3 * limit - used));
        }

        synchronized Stats stats() {
            return new Stats(limit, peak, overBudget, acceptedTotal, rejectedTotal);
        }
    }
}
