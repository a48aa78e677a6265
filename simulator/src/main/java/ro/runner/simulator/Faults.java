package ro.runner.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults injected into API answers, changed at run time over {@code PUT /admin/faults}. Each rate is
 * the fraction of requests (0..1) that get that fault; a fault is decided before the request acts,
 * so a faulted request changes nothing. {@code account} limits the faults to one account.
 */
@ApplicationScoped
public class Faults {

    public enum Kind {
        NONE,
        BUSINESS_ERROR,
        SERVER_ERROR,
        SLOW,
        TIMEOUT,
        MALFORMED,
        TOO_MANY
    }

    private volatile JsonObject config = defaults();

    public static JsonObject defaults() {
        return Json.createObjectBuilder()
                .add("account", "")
                .add("errorRate", 0)
                .add("serverErrorRate", 0)
                .add("slowRate", 0)
                .add("slowMillis", 3000)
                .add("timeoutRate", 0)
                .add("timeoutMillis", 30000)
                .add("malformedRate", 0)
                .add("tooManyRate", 0)
                .build();
    }

    public JsonObject config() {
        return config;
    }

    /** Merges the given keys into the current settings; unknown keys are refused. */
    public JsonObject update(JsonObject changes) {
        var b = Json.createObjectBuilder(config);
        changes.forEach((k, v) -> {
            if (!config.containsKey(k)) {
                throw new IllegalArgumentException("unknown fault setting '" + k + "'");
            }
            b.add(k, v);
        });
        config = b.build();
        return config;
    }

    public void reset() {
        config = defaults();
    }

    public Kind pick(String account) {
        JsonObject c = config;
        String only = c.getString("account", "");
        if (!only.isEmpty() && !only.equals(account)) {
            return Kind.NONE;
        }
        double r = ThreadLocalRandom.current().nextDouble();
        double edge = 0;
        for (var entry : new Object[][] {
            {"errorRate", Kind.BUSINESS_ERROR},
            {"serverErrorRate", Kind.SERVER_ERROR},
            {"slowRate", Kind.SLOW},
            {"timeoutRate", Kind.TIMEOUT},
            {"malformedRate", Kind.MALFORMED},
            {"tooManyRate", Kind.TOO_MANY}
        }) {
            edge += number(c, (String) entry[0]);
            if (r < edge) {
                return (Kind) entry[1];
            }
        }
        return Kind.NONE;
    }

    public long millis(String key) {
        return (long) number(config, key);
    }

    private static double number(JsonObject c, String key) {
        JsonValue v = c.get(key);
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        return v == null ? 0 : Double.parseDouble(v.toString().replace("\"", ""));
    }
}
