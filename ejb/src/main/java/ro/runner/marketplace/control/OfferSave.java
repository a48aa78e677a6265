package ro.runner.marketplace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ro.runner.marketplace.entity.Connection;
import ro.runner.marketplace.entity.EmagAnswer;
import ro.runner.marketplace.entity.OfferChange;
import ro.runner.runs.entity.Jsons;

/**
 * Sends price/stock changes with {@code product_offer/save}, at most {@link #MAX_SAVE} offers a
 * request, through the gateway (so under the account's 3 requests/s). eMAG accepts or refuses a save
 * as a whole and names the refused offers in its messages: those are set aside with their message and
 * the rest is sent again, so one bad price does not hold back the others.
 */
@ApplicationScoped
public class OfferSave {

    public static final int MAX_SAVE = 50;
    static final int GENERIC_RETRIES = 3;
    private static final Pattern OFFER = Pattern.compile("(?i)offer\\s+(\\d+)");

    /** What one save did: changes eMAG accepted, changes it refused with why, requests sent. */
    public record Outcome(List<OfferChange> accepted, Map<OfferChange, String> refused, int requests) {}

    @Inject
    MarketplaceGateway gateway;

    /** {@code current}: the stored offers by id (their status, VAT, stock and handling time). */
    public Outcome save(Connection c, List<OfferChange> changes, Map<Long, JsonObject> current) {
        if (changes.size() > MAX_SAVE) {
            throw new IllegalArgumentException("at most " + MAX_SAVE + " offers a save, got " + changes.size());
        }
        var refused = new LinkedHashMap<OfferChange, String>();
        var remaining = new ArrayList<OfferChange>();
        for (OfferChange change : changes) {
            if (current.containsKey(change.offerId())) {
                remaining.add(change);
            } else {
                refused.put(change, "offer " + change.offerId() + " is unknown here: run the product sync first");
            }
        }
        int requests = 0;
        int generic = 0;
        while (!remaining.isEmpty()) {
            JsonArrayBuilder data = Jsons.JSON.createArrayBuilder();
            remaining.forEach(change -> data.add(item(change, current.get(change.offerId()))));
            EmagAnswer answer = gateway.call(
                    c,
                    "product_offer/save",
                    Jsons.JSON.createObjectBuilder().add("data", data).build().toString());
            requests++;
            if (!answer.isError()) {
                return new Outcome(remaining, refused, requests);
            }
            boolean named = false;
            for (String message : answer.messages()) {
                Matcher m = OFFER.matcher(message);
                while (m.find()) {
                    long id = Long.parseLong(m.group(1));
                    for (var it = remaining.iterator(); it.hasNext(); ) {
                        OfferChange change = it.next();
                        if (change.offerId() == id) {
                            refused.put(change, message);
                            it.remove();
                            named = true;
                        }
                    }
                }
            }
            if (!named && ++generic > GENERIC_RETRIES) {
                throw new EmagUnavailable(
                        c.account() + " product_offer/save refused " + remaining.size() + " offers: "
                                + answer.describe(),
                        0,
                        false,
                        null);
            }
        }
        return new Outcome(List.of(), refused, requests);
    }

    /** The full update eMAG wants: id, status, sale_price, vat_id, stock, handling_time. */
    public static JsonObject item(OfferChange change, JsonObject offer) {
        JsonObjectBuilder b = Jsons.JSON
                .createObjectBuilder()
                .add("id", change.offerId())
                .add("status", offer.getOrDefault("status", Jsons.JSON.createValue(1)))
                .add(
                        "sale_price",
                        change.salePrice() != null
                                ? Jsons.JSON.createValue(change.salePrice())
                                : offer.getOrDefault("sale_price", JsonValue.NULL))
                .add("vat_id", offer.getOrDefault("vat_id", Jsons.JSON.createValue(1)))
                .add("handling_time", offer.getOrDefault("handling_time", JsonValue.EMPTY_JSON_ARRAY));
        if (change.stock() != null) {
            b.add(
                    "stock",
                    Jsons.JSON
                            .createArrayBuilder()
                            .add(Jsons.JSON
                                    .createObjectBuilder()
                                    .add("warehouse_id", warehouse(offer))
                                    .add("value", change.stock())));
        } else {
            b.add("stock", offer.getOrDefault("stock", JsonValue.EMPTY_JSON_ARRAY));
        }
        return b.build();
    }

    private static JsonValue warehouse(JsonObject offer) {
        if (offer.get("stock") instanceof JsonArray stock
                && !stock.isEmpty()
                && stock.get(0) instanceof JsonObject first
                && first.containsKey("warehouse_id")) {
            return first.get("warehouse_id");
        }
        return Jsons.JSON.createValue(1);
    }
}
