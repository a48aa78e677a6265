package ro.runner.runs.entity;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tags of a run ({@code order=42 account=MAIN}): business ids an operator filters by. Keys and
 * values are single tokens so the stored form is unambiguous and a filter for one tag is exact.
 */
public record Tags(Map<String, String> values) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:@/-]{1,100}");
    public static final Tags NONE = new Tags(Map.of());

    public Tags {
        values.forEach((key, value) -> {
            requireToken(key);
            requireToken(value);
        });
        values = Map.copyOf(new TreeMap<>(values));
    }

    public static Tags of(String key, Object value) {
        return new Tags(Map.of(key, String.valueOf(value)));
    }

    public Tags and(String key, Object value) {
        var more = new TreeMap<>(values);
        more.put(key, String.valueOf(value));
        return new Tags(more);
    }

    /** Parses one {@code key=value} filter term; a clear error when it is not one. */
    public static String term(String keyEqualsValue) {
        int eq = keyEqualsValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("a tag filter is key=value, got '" + keyEqualsValue + "'");
        }
        requireToken(keyEqualsValue.substring(0, eq));
        requireToken(keyEqualsValue.substring(eq + 1));
        return keyEqualsValue;
    }

    private static void requireToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException(
                    "a tag key or value is 1-100 of A-Z a-z 0-9 _ . : @ / -, got '" + token + "'");
        }
    }

    @Override
    public String toString() {
        return new TreeMap<>(values)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
