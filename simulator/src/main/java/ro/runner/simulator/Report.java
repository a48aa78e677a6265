package ro.runner.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator saw, for tests and benchmarks: per account and route class the peak requests
 * in one second against the limit, the seconds over budget and the 429s the limiter sent; per
 * account acknowledgements, duplicate acknowledgements, faults injected, callbacks, new orders.
 */
@ApplicationScoped
public class Report {

    static final int LOG_SIZE = 100_000;

    private final RateLimiter limiter = new RateLimiter();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Deque<JsonObject> requests = new ConcurrentLinkedDeque<>();
    private final AtomicLong logged = new AtomicLong();

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
        requests.clear();
        logged.set(0);
    }

    /**
     * Logs one answered API request (the last {@code LOG_SIZE} are kept): when, which account and
     * route, the page a read asked for and how many entities a save carried.
     */
    public void log(String account, String route, int page, int items) {
        requests.add(Json.createObjectBuilder()
                .add("at", System.currentTimeMillis())
                .add("account", account)
                .add("route", route)
                .add("page", page)
                .add("items", items)
                .build());
        if (logged.incrementAndGet() > LOG_SIZE) {
            requests.poll();
            logged.decrementAndGet();
        }
    }

    /** The logged requests of one account (all accounts when null), oldest first. */
    public JsonArray requests(String account) {
        JsonArrayBuilder result = Json.createArrayBuilder();
        requests.stream()
                .filter(r -> account == null || account.equals(r.getString("account")))
                .forEach(result::add);
        return result.build();
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
