package ro.runner.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body in every form real clients send: filters as top-level JSON keys,
 * {@code {"data":[…]}} or {@code {"data":{…}}}, a raw JSON array, or PHP form encoding
 * ({@code data[0][id]=1&currentPage=2}). {@link #filters()} are the read filters,
 * {@link #items()} the entities of a save.
 */
public record RequestBody(JsonObject filters, List<JsonObject> items) {

    public static RequestBody parse(String body) {
        String text = body == null ? "" : body.trim();
        if (text.isEmpty()) {
            return new RequestBody(JsonValue.EMPTY_JSON_OBJECT, List.of());
        }
        if (text.startsWith("[")) {
            List<JsonObject> items =
                    objects(Json.createReader(new StringReader(text)).readArray());
            return new RequestBody(items.isEmpty() ? JsonValue.EMPTY_JSON_OBJECT : items.get(0), items);
        }
        JsonObject object = text.startsWith("{")
                ? Json.createReader(new StringReader(text)).readObject()
                : (JsonObject) toJson(form(text));
        JsonValue data = object.get("data");
        if (data instanceof JsonArray array) {
            return new RequestBody(object, objects(array));
        }
        if (data instanceof JsonObject inner) {
            return new RequestBody(inner, List.of(inner));
        }
        return new RequestBody(object, List.of(object));
    }

    /** A number sent as a number or as a string; null when absent or blank. */
    public static BigDecimal decimal(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            return new BigDecimal(s.getString().trim());
        }
        return null;
    }

    public static Long longValue(JsonObject o, String key) {
        BigDecimal d = decimal(o, key);
        return d == null ? null : d.longValue();
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> items = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonObject o)) {
                throw new IllegalArgumentException("data entries must be objects");
            }
            items.add(o);
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> form(String text) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            List<String> path = new ArrayList<>();
            int bracket = key.indexOf('[');
            path.add(bracket < 0 ? key : key.substring(0, bracket));
            while (bracket >= 0) {
                int close = key.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("bad form key '" + key + "'");
                }
                path.add(key.substring(bracket + 1, close));
                bracket = key.indexOf('[', close);
            }
            Map<String, Object> node = root;
            for (int i = 0; i < path.size() - 1; i++) {
                node = (Map<String, Object>)
                        node.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
            }
            node.put(path.get(path.size() - 1), value);
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static JsonValue toJson(Object node) {
        if (node instanceof String s) {
            return Json.createValue(s);
        }
        Map<String, Object> map = (Map<String, Object>) node;
        if (!map.isEmpty() && map.keySet().stream().allMatch(k -> k.matches("\\d+"))) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            map.entrySet().stream()
                    .sorted((x, y) -> Integer.compare(Integer.parseInt(x.getKey()), Integer.parseInt(y.getKey())))
                    .forEach(e -> a.add(toJson(e.getValue())));
            return a.build();
        }
        JsonObjectBuilder o = Json.createObjectBuilder();
        map.forEach((k, v) -> o.add(k, toJson(v)));
        return o.build();
    }
}
