package ro.runner.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.runner.marketplace.api.MarketplaceApi.awaitEnd;
import static ro.runner.marketplace.api.MarketplaceApi.count;
import static ro.runner.marketplace.api.MarketplaceApi.post;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;

/**
 * Offer push against the eMAG simulator: a few hundred changes queued over the API go out in saves
 * of at most 50 offers within 3 requests/s, land at the simulator with exactly the pushed prices and
 * stock, and are marked pushed (or refused with eMAG's message); a bad change list writes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class OfferPushIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void quiet() throws Exception {
        MarketplaceApi.disableSchedules(
                "marketplace-order-sync",
                "marketplace-order-acknowledge",
                "marketplace-product-sync",
                "marketplace-offer-push",
                "marketplace-health-check");
        MarketplaceApi.account("main", "MAIN", "runner-main", "main-secret");
        Simulator.clearFaults();
        MarketplaceApi.execute("DELETE FROM marketplace_offer_changes WHERE account = 'main'");
    }

    @Test
    void aFewHundredChangesArePushedInSavesOfAtMost50WithinTheBudget() throws Exception {
        Simulator.ensureOffers("main", 450);
        JsonObject synced = awaitEnd(MarketplaceApi.startOfferJob("main", "sync"), 300_000);
        assertThat(synced.getString("batchStatus")).as(synced.toString()).isEqualTo("COMPLETED");
        List<JsonObject> offers = Simulator.offers("main").getValuesAs(JsonObject.class);
        assertThat(count("SELECT count(*) FROM marketplace_offers WHERE account = 'main'"))
                .isEqualTo(offers.size());

        var changes = new StringBuilder("[");
        Map<Long, BigDecimal> price = new HashMap<>();
        Map<Long, Integer> stock = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            JsonObject o = offers.get(i);
            long id = o.getJsonNumber("id").longValue();
            BigDecimal p =
                    decimal(o, "min_sale_price").multiply(new BigDecimal("1.5")).setScale(2, RoundingMode.HALF_UP);
            price.put(id, p);
            stock.put(id, (int) (id % 97));
            changes.append(i == 0 ? "" : ",")
                    .append("{\"offerId\":")
                    .append(id)
                    .append(",\"price\":")
                    .append(p.toPlainString())
                    .append(",\"stock\":")
                    .append(id % 97)
                    .append('}');
        }
        for (int i = 0; i < 20; i++) {
            long id = offers.get(i).getJsonNumber("id").longValue();
            stock.put(id, 500 + i);
            changes.append(",{\"offerId\":")
                    .append(id)
                    .append(",\"stock\":")
                    .append(500 + i)
                    .append('}');
        }
        List<Long> refused = new ArrayList<>();
        for (int i = 300; i < 302; i++) {
            JsonObject o = offers.get(i);
            refused.add(o.getJsonNumber("id").longValue());
            changes.append(",{\"offerId\":")
                    .append(o.getJsonNumber("id").longValue())
                    .append(",\"price\":")
                    .append(decimal(o, "max_sale_price")
                            .multiply(BigDecimal.TEN)
                            .toPlainString())
                    .append('}');
        }
        JsonObject bySku = offers.get(302);
        BigDecimal skuPrice =
                decimal(bySku, "min_sale_price").multiply(new BigDecimal("1.2")).setScale(2, RoundingMode.HALF_UP);
        price.put(bySku.getJsonNumber("id").longValue(), skuPrice);
        stock.put(bySku.getJsonNumber("id").longValue(), 7);
        changes.append(",{\"sku\":\"")
                .append(bySku.getString("part_number"))
                .append("\",\"price\":")
                .append(skuPrice.toPlainString())
                .append(",\"stock\":7}]");
        Map<Long, JsonObject> before = byId(offers);

        var queued = post("/api/marketplace/main/offers/changes", changes.toString());
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        assertThat(Json.object(queued.body()).getInt("queued")).isEqualTo(323);
        Simulator.resetReport();
        JsonObject pushed = awaitEnd(MarketplaceApi.startOfferJob("main", "push"), 300_000);

        assertThat(pushed.getString("batchStatus")).as(pushed.toString()).isEqualTo("COMPLETED");
        List<JsonObject> saves = Simulator.requests("main").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("route").equals("product_offer/save"))
                .toList();
        assertThat(saves).hasSizeGreaterThanOrEqualTo(7);
        assertThat(saves).allSatisfy(r -> assertThat(r.getInt("items")).isBetween(1, 50));
        assertThat(saves.stream().mapToInt(r -> r.getInt("items")).sum()).isGreaterThanOrEqualTo(321);
        JsonObject other = Simulator.report()
                .getJsonObject("accounts")
                .getJsonObject("main")
                .getJsonObject("routes")
                .getJsonObject("other");
        assertThat(other.getInt("secondsOverBudget")).as(other.toString()).isZero();
        assertThat(other.getInt("rateLimited")).as(other.toString()).isZero();
        assertThat(other.getInt("peakPerSecond")).as(other.toString()).isLessThanOrEqualTo(3);

        Map<Long, JsonObject> after = byId(Simulator.offers("main").getValuesAs(JsonObject.class));
        price.forEach((id, p) -> assertThat(decimal(after.get(id), "sale_price"))
                .as("price of offer " + id)
                .isEqualByComparingTo(p));
        stock.forEach((id, s) -> assertThat(after.get(id).getInt("general_stock"))
                .as("stock of offer " + id)
                .isEqualTo(s));
        for (long id : refused) {
            assertThat(decimal(after.get(id), "sale_price"))
                    .isEqualByComparingTo(decimal(before.get(id), "sale_price"));
        }
        assertThat(
                        count(
                                "SELECT count(*) FROM marketplace_offer_changes WHERE account = 'main' AND pushed_at IS NOT NULL"))
                .isEqualTo(321);
        assertThat(count(
                        "SELECT count(*) FROM marketplace_offer_changes WHERE account = 'main' AND error LIKE '%outside%'"
                                + " AND offer_id IN (" + refused.get(0) + ", " + refused.get(1) + ")"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM runs WHERE kind = 'BATCH' AND name = 'marketplace-offer-push'"
                        + " AND status = 'SUCCEEDED' AND tags LIKE '%account=main%' AND correlation = '"
                        + pushed.getJsonNumber("executionId").longValue() + "'"
                        + " AND summary LIKE '%321 changes pushed, 2 refused%'"))
                .isEqualTo(1);
        String status =
                MarketplaceApi.get("/api/marketplace/offers/push-status").body();
        assertThat(status).contains("\"account\":\"main\"").contains("\"pending\":0");
    }

    @Test
    void anInvalidChangeListIsRefusedWhole() throws Exception {
        Simulator.ensureOffers("main", 200);
        if (count("SELECT count(*) FROM marketplace_offers WHERE account = 'main'") == 0) {
            awaitEnd(MarketplaceApi.startOfferJob("main", "sync"), 300_000);
        }
        long offer = count("SELECT min(offer_id) FROM marketplace_offers WHERE account = 'main'");
        long before = count("SELECT count(*) FROM marketplace_offer_changes");
        String valid = "{\"offerId\":" + offer + ",\"price\":12.5,\"stock\":3}";

        for (String body : List.of(
                "[" + valid + ",{\"offerId\":" + offer + ",\"price\":-5}]",
                "[" + valid + ",{\"offerId\":" + offer + ",\"sku\":\"RUN-1\",\"price\":5}]",
                "[" + valid + ",{\"offerId\":" + offer + "}]",
                "[" + valid + ",{\"offerId\":" + offer + ",\"stock\":-1}]",
                "[" + valid + ",{\"offerId\":" + offer + ",\"price\":1.123456}]",
                "[" + valid + ",{\"offerId\":999999999,\"price\":5}]",
                "[" + valid + ",{\"offerId\":" + offer + ",\"price\":\"cheap\"}]",
                "[" + valid + ",{\"offerId\":",
                "[]")) {
            var r = post("/api/marketplace/main/offers/changes", body);
            assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
            JsonValue detail = Json.object(r.body()).get("detail");
            assertThat(detail).as(r.body()).isNotNull();
        }
        var unknownAccount = post("/api/marketplace/nobody/offers/changes", "[" + valid + "]");

        assertThat(unknownAccount.statusCode()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM marketplace_offer_changes")).isEqualTo(before);
    }

    private static Map<Long, JsonObject> byId(List<JsonObject> offers) {
        Map<Long, JsonObject> result = new HashMap<>();
        offers.forEach(o -> result.put(o.getJsonNumber("id").longValue(), o));
        return result;
    }

    private static BigDecimal decimal(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v.getValueType() == JsonValue.ValueType.STRING
                ? new BigDecimal(((jakarta.json.JsonString) v).getString())
                : ((jakarta.json.JsonNumber) v).bigDecimalValue();
    }
}
