package ro.runner.marketplace.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import ro.runner.runs.entity.Jsons;

/**
 * eMAG's envelope, read leniently: unknown keys ignored, {@code isError} as boolean, number or
 * string, messages as strings or objects with a {@code message}, results as array or object.
 * Throws {@link IllegalArgumentException} when the body is not JSON at all.
 */
public record EmagAnswer(boolean isError, List<String> messages, JsonValue results) {

    public static EmagAnswer parse(String body) {
        JsonObject o;
        try (var reader = Jsons.JSON.createReader(new StringReader(body == null ? "" : body))) {
            o = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "eMAG answered a body that is not a JSON object: " + abbreviate(body), e);
        }
        return new EmagAnswer(
                truthy(o.get("isError")), messages(o), o.getOrDefault("results", JsonValue.EMPTY_JSON_ARRAY));
    }

    /** Results as a list of objects (reads). */
    public List<JsonObject> items() {
        List<JsonObject> items = new ArrayList<>();
        if (results instanceof JsonArray array) {
            array.stream()
                    .filter(JsonObject.class::isInstance)
                    .map(JsonObject.class::cast)
                    .forEach(items::add);
        }
        return items;
    }

    /** A count answer's {@code noOfItems} (a string or a number). */
    public long count() {
        if (results instanceof JsonObject o) {
            BigDecimal n = decimal(o, "noOfItems");
            return n == null ? 0 : n.longValue();
        }
        return 0;
    }

    public String describe() {
        return messages.isEmpty() ? "eMAG answered isError without a message" : String.join("; ", messages);
    }

    /** A number sent as number or string; null when absent or blank. */
    public static BigDecimal decimal(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            try {
                return new BigDecimal(s.getString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v.toString();
    }

    private static boolean truthy(JsonValue v) {
        if (v == null) {
            return false;
        }
        return switch (v.getValueType()) {
            case TRUE -> true;
            case NUMBER -> ((JsonNumber) v).intValue() != 0;
            case STRING -> List.of("true", "1", "yes")
                    .contains(((JsonString) v).getString().toLowerCase());
            default -> false;
        };
    }

    private static List<String> messages(JsonObject o) {
        List<String> result = new ArrayList<>();
        for (String key : List.of("messages", "errors", "message")) {
            JsonValue v = o.get(key);
            if (v instanceof JsonArray a) {
                a.forEach(m -> result.add(message(m)));
            } else if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
                result.add(message(v));
            }
        }
        return result;
    }

    private static String message(JsonValue m) {
        if (m instanceof JsonString s) {
            return s.getString();
        }
        if (m instanceof JsonObject mo) {
            String text = text(mo, "message");
            return text != null ? text : mo.toString();
        }
        return m.toString();
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(nothing)";
        }
        return body.length() > 120 ? body.substring(0, 120) + "…" : body;
    }
}
