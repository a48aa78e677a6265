package ro.runner.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator saw, for tests and benchmarks: per account and route class the peak requests
 * in one second against the limit, the seconds over budget and the 429s the limiter sent; per
 * account acknowledgements, duplicate acknowledgements, faults injected, callbacks, new orders.
 */
@ApplicationScoped
public class Report {

    private final RateLimiter limiter = new RateLimiter();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    public RateLimiter limiter() {
        return limiter;
    }

    public void count(String account, String what) {
        counters.computeIfAbsent(account + "/" + what, k -> new AtomicLong()).incrementAndGet();
    }

    public long get(String account, String what) {
        AtomicLong c = counters.get(account + "/" + what);
        return c == null ? 0 : c.get();
    }

    public void reset() {
        limiter.reset();
        counters.clear();
    }

    public JsonObject toJson() {
        Map<String, JsonObjectBuilder> accounts = new TreeMap<>();
        limiter.stats().forEach((key, s) -> {
            String[] parts = key.split("/", 2);
            accounts.computeIfAbsent(parts[0], a -> Json.createObjectBuilder())
                    .add(
                            parts[1].toLowerCase(),
                            Json.createObjectBuilder()
                                    .add("limitPerSecond", s.limit())
                                    .add("peakPerSecond", s.peakPerSecond())
                                    .add("secondsOverBudget", s.secondsOverBudget())
                                    .add("accepted", s.accepted())
                                    .add("rateLimited", s.rejected()));
        });
        Map<String, JsonObjectBuilder> totals = new TreeMap<>();
        counters.forEach((key, value) -> {
            String[] parts = key.split("/", 2);
            totals.computeIfAbsent(parts[0], a -> Json.createObjectBuilder()).add(parts[1], value.get());
        });
        JsonObjectBuilder result = Json.createObjectBuilder();
        var names = new java.util.TreeSet<>(accounts.keySet());
        names.addAll(totals.keySet());
        for (String name : names) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            if (accounts.containsKey(name)) {
                b.add("routes", accounts.get(name));
            }
            b.add("counts", totals.getOrDefault(name, Json.createObjectBuilder()));
            result.add(name, b);
        }
        return Json.createObjectBuilder().add("accounts", result).build();
    }
}
