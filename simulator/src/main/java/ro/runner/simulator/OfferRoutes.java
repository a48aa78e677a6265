package ro.runner.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * product_offer/read, /count, /save, offer/save, vat/read and category/read. A save carries at
 * most 50 offers and succeeds or fails as a whole: one price outside its offer's min/max refuses
 * the batch.
 */
@ApplicationScoped
public class OfferRoutes {

    static final int MAX_SAVE = 50;
    private static final List<String> UPDATE_KEYS =
            List.of("id", "status", "sale_price", "vat_id", "stock", "handling_time");
    private static final List<String> CATEGORIES = List.of(
            "Telefoane mobile",
            "Laptopuri",
            "Electrocasnice",
            "Îngrijire personală",
            "Cărți",
            "Jucării",
            "Încălțăminte",
            "Grădină",
            "Bricolaj",
            "Băcănie");

    public JsonObject read(Marketplace.Shop shop, RequestBody body) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        Paging.of(body.filters()).slice(matching(shop, body.filters())).forEach(results::add);
        return Envelope.ok(results.build());
    }

    public JsonObject count(Marketplace.Shop shop, RequestBody body) {
        return Envelope.ok(
                Paging.of(body.filters()).count(matching(shop, body.filters()).size()));
    }

    /** product_offer/save needs the full update keys; offer/save ({@code light}) only the id. */
    public JsonObject save(Marketplace.Shop shop, RequestBody body, boolean light) {
        if (body.items().size() > MAX_SAVE) {
            return Envelope.error("Maximum " + MAX_SAVE + " entities per request, got "
                    + body.items().size() + ".");
        }
        List<String> errors = new ArrayList<>();
        Map<Long, JsonObject> updated = new LinkedHashMap<>();
        for (JsonObject item : body.items()) {
            Long id = RequestBody.longValue(item, "id");
            JsonObject current = id == null ? null : shop.offers().get(id);
            if (current == null) {
                errors.add("Offer " + id + " does not exist.");
                continue;
            }
            if (!light) {
                List<String> missing =
                        UPDATE_KEYS.stream().filter(k -> !item.containsKey(k)).toList();
                if (!missing.isEmpty()) {
                    errors.add("Offer " + id + " is missing " + missing + ".");
                    continue;
                }
            }
            JsonObject next = merge(current, item);
            BigDecimal price = RequestBody.decimal(next, "sale_price");
            BigDecimal min = RequestBody.decimal(next, "min_sale_price");
            BigDecimal max = RequestBody.decimal(next, "max_sale_price");
            if (price == null || min != null && price.compareTo(min) < 0 || max != null && price.compareTo(max) > 0) {
                errors.add("Offer " + id + ": sale_price " + price + " is outside [" + min + ", " + max
                        + "] (offer_validation_status 2).");
                continue;
            }
            updated.put(id, next);
        }
        if (!errors.isEmpty()) {
            return Envelope.error(errors);
        }
        shop.offers().putAll(updated);
        return Envelope.ok(Json.createArrayBuilder().build());
    }

    public JsonObject vat() {
        return Envelope.ok(Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("vat_id", 1)
                        .add("vat_rate", 0.19)
                        .add("is_default", 1))
                .add(Json.createObjectBuilder()
                        .add("vat_id", 2)
                        .add("vat_rate", 0.09)
                        .add("is_default", 0))
                .add(Json.createObjectBuilder()
                        .add("vat_id", 3)
                        .add("vat_rate", 0.05)
                        .add("is_default", 0))
                .build());
    }

    public JsonObject categories(RequestBody body) {
        List<JsonObject> all = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            all.add(Json.createObjectBuilder()
                    .add("id", 100 + i)
                    .add("name", CATEGORIES.get(i))
                    .add("is_allowed", 1)
                    .add("parent_id", JsonValue.NULL)
                    .build());
        }
        JsonArrayBuilder results = Json.createArrayBuilder();
        Paging.of(body.filters()).slice(all).forEach(results::add);
        return Envelope.ok(results.build());
    }

    private static JsonObject merge(JsonObject current, JsonObject item) {
        JsonObjectBuilder b = Json.createObjectBuilder(current);
        item.forEach((k, v) -> {
            if (!"id".equals(k)) {
                b.add(k, v);
            }
        });
        JsonObject merged = b.build();
        if (merged.get("sale_price") instanceof JsonNumber price) {
            // eMAG answers money as strings whatever form the save sent
            merged = Json.createObjectBuilder(merged)
                    .add("sale_price", price.bigDecimalValue().toPlainString())
                    .build();
        }
        if (merged.get("stock") instanceof JsonArray stock) {
            long total = 0;
            for (JsonValue s : stock) {
                if (s instanceof JsonObject o) {
                    Long value = RequestBody.longValue(o, "value");
                    total += value == null ? 0 : value;
                }
            }
            merged =
                    Json.createObjectBuilder(merged).add("general_stock", total).build();
        }
        return merged;
    }

    private static List<JsonObject> matching(Marketplace.Shop shop, JsonObject f) {
        return shop.offers().values().stream()
                .filter(o -> same(f, o, "id"))
                .filter(o -> same(f, o, "status"))
                .filter(o -> same(f, o, "part_number"))
                .filter(o -> same(f, o, "part_number_key"))
                .filter(o -> same(f, o, "general_stock"))
                .toList();
    }

    private static boolean same(JsonObject filters, JsonObject offer, String key) {
        JsonValue wanted = filters.get(key);
        if (wanted == null || wanted.getValueType() == JsonValue.ValueType.NULL) {
            return true;
        }
        return Objects.equals(text(wanted), text(offer.get(key)));
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue().stripTrailingZeros().toPlainString();
        }
        return v == null ? null : v.toString().replace("\"", "");
    }
}
