package ro.runner.orders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.ConsumersQuiet;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.TestStack;

/**
 * Orders over HTTP as the shop and an operator see them: public checkout with an Idempotency-Key,
 * promo codes, payment and the status rules, lists with filters, and bad bodies that write nothing.
 */
@ExtendWith({ArquillianExtension.class, ConsumersQuiet.class})
public class OrdersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void checkoutIsPublicAndPricesTheCartWithThePromoCode() throws Exception {
        String email = unique();
        var response = checkout(cart(email, "WELCOME10"), null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).contains("/api/orders/"));
        JsonObject order = Json.object(response.body());
        assertThat(order.getString("status")).isEqualTo("PENDING");
        assertThat(order.getString("source")).isEqualTo("CHECKOUT");
        assertThat(order.getJsonNumber("subtotal").bigDecimalValue()).isEqualByComparingTo("250.00");
        assertThat(order.getJsonNumber("discount").bigDecimalValue()).isEqualByComparingTo("25.00");
        assertThat(order.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("225.00");
        assertThat(order.getString("customerName")).isEqualTo("Ștefan Țurcanu");
        assertThat(count(
                        "SELECT count(*) FROM promo_code_usages u JOIN orders o ON o.id = u.order_id WHERE o.customer_email = '"
                                + email + "'"))
                .isEqualTo(1);

        var read = get("/api/orders/" + order.getJsonNumber("id").longValue());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Json.object(read.body()).getJsonArray("lines")).hasSize(2);
    }

    @Test
    void aRetriedCheckoutWithTheSameKeyMakesOneOrder() throws Exception {
        String email = unique();
        String key = UUID.randomUUID().toString();

        var first = checkout(cart(email, null), key);
        var retry = checkout(cart(email, null), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Json.object(retry.body()).getString("number"))
                .isEqualTo(Json.object(first.body()).getString("number"));
        assertThat(ordersOf(email)).isEqualTo(1);
    }

    @Test
    void badBodiesAre400WithAProblemAndWriteNothing() throws Exception {
        String email = unique();
        String[] bad = {
            "",
            "{not json",
            "{\"email\":\"" + email + "\",\"name\":\"X\",\"currency\":\"RON\",\"lines\":[]}",
            "{\"email\":\"not-an-address\",\"name\":\"X\",\"currency\":\"RON\",\"lines\":[{\"sku\":\"A\",\"name\":\"A\",\"quantity\":1,\"unitPrice\":1}]}",
            "{\"email\":\"" + email
                    + "\",\"name\":\"X\",\"currency\":\"RON\",\"lines\":[{\"sku\":\"A\",\"name\":\"A\",\"quantity\":0,\"unitPrice\":1}]}",
            "{\"email\":\"" + email
                    + "\",\"name\":\"X\",\"currency\":\"RON\",\"lines\":[{\"sku\":\"A\",\"name\":\"A\",\"quantity\":1,\"unitPrice\":-1}]}",
            "{\"email\":\"" + email
                    + "\",\"name\":\"X\",\"currency\":\"lei\",\"lines\":[{\"sku\":\"A\",\"name\":\"A\",\"quantity\":1,\"unitPrice\":1}]}",
            cart(email, "NO-SUCH-CODE"),
        };
        for (String body : bad) {
            var response = checkout(body, null);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(Json.object(response.body()).getInt("status")).isEqualTo(400);
        }
        assertThat(ordersOf(email)).isZero();
        assertThat(count("SELECT uses FROM promo_codes WHERE code = 'WELCOME10'"))
                .isEqualTo(count("SELECT count(*) FROM promo_code_usages WHERE code = 'WELCOME10'"));
    }

    @Test
    void paymentAndStatusChangesFollowTheOrdersLife() {
        long id = placed(unique());

        var paid = post("/api/orders/" + id + "/payment", "");
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(Json.object(paid.body()).getString("status")).isEqualTo("PAID");
        assertThat(Json.object(paid.body()).getString("paidAt")).isNotBlank();
        assertThat(post("/api/orders/" + id + "/payment", "").statusCode())
                .as("paying twice changes nothing")
                .isEqualTo(200);

        var backwards = post("/api/orders/" + id + "/status", "{\"status\":\"PENDING\"}");
        assertThat(backwards.statusCode()).isEqualTo(409);
        assertThat(Json.object(backwards.body()).getString("detail")).contains("CONFIRMED");

        assertThat(post("/api/orders/" + id + "/status", "{\"status\":\"CONFIRMED\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/orders/" + id + "/status", "{\"status\":\"SOMEDAY\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/orders/999999999/payment", "").statusCode()).isEqualTo(404);
    }

    @Test
    void operatorsListOrdersWithFiltersAndPagesButShoppersCannot() throws Exception {
        String email = unique();
        long first = placed(email);
        placed(email);
        post("/api/orders/" + first + "/payment", "");

        var all = awaitTotal("/api/orders?email=" + email, 2);
        assertThat(all.getJsonArray("items")).hasSize(2);
        var paid = awaitTotal("/api/orders?email=" + email + "&status=PAID", 1);
        assertThat(paid.getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue())
                .isEqualTo(first);
        var page =
                Json.object(get("/api/orders?email=" + email + "&size=1&page=1").body());
        assertThat(page.getJsonArray("items")).hasSize(1);
        assertThat(get("/api/orders?status=LOST").statusCode()).isEqualTo(400);

        var anonymousList = TestStack.send(
                HttpRequest.newBuilder(TestStack.http("/api/orders")).GET().build());
        var anonymousPay = TestStack.send(HttpRequest.newBuilder(TestStack.http("/api/orders/" + first + "/payment"))
                .POST(BodyPublishers.noBody())
                .build());
        assertThat(anonymousList.statusCode()).isEqualTo(401);
        assertThat(anonymousPay.statusCode()).isEqualTo(401);
    }

    @Test
    void promoCodesAreValidatedWithoutLogin() {
        var valid = anonymousPost("/api/promo-codes/validate", "{\"code\":\"welcome10\",\"subtotal\":99.99}");
        var unknown = anonymousPost("/api/promo-codes/validate", "{\"code\":\"NOPE\"}");
        var bad = anonymousPost("/api/promo-codes/validate", "{}");

        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(Json.object(valid.body()).getBoolean("valid")).isTrue();
        assertThat(Json.object(valid.body()).getJsonNumber("discount").bigDecimalValue())
                .isEqualByComparingTo("10.00");
        assertThat(Json.object(unknown.body()).getBoolean("valid")).isFalse();
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    static String unique() {
        return "buyer-" + UUID.randomUUID() + "@example.ro";
    }

    static String cart(String email, String promo) {
        return "{\"email\":\"" + email + "\",\"name\":\"Ștefan Țurcanu\",\"currency\":\"RON\","
                + (promo == null ? "" : "\"promoCode\":\"" + promo + "\",")
                + "\"trafficSource\":\"google\",\"campaign\":\"toamna-2026\",\"lines\":["
                + "{\"sku\":\"TSHIRT-M\",\"name\":\"Tricou mărimea M\",\"quantity\":2,\"unitPrice\":50.00},"
                + "{\"sku\":\"MUG\",\"name\":\"Cană\",\"quantity\":1,\"unitPrice\":150}]}";
    }

    /** A PENDING order's id, checked out anonymously. */
    public static long placed(String email) {
        var response = checkout(cart(email, null), null);
        assertThat(response.statusCode()).isEqualTo(201);
        return Json.object(response.body()).getJsonNumber("id").longValue();
    }

    static HttpResponse<String> checkout(String body, String key) {
        return checkout(body, key, client());
    }

    /** A client address of its own, so tests do not share the per-client rate limit. */
    static String client() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static HttpResponse<String> checkout(String body, String key, String client) {
        var request = HttpRequest.newBuilder(TestStack.http("/api/checkout"))
                .header("X-Forwarded-For", client)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return TestStack.send(request.build());
    }

    static HttpResponse<String> anonymousPost(String path, String body) {
        return TestStack.send(HttpRequest.newBuilder(TestStack.http(path))
                .header("X-Forwarded-For", client())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build());
    }

    static HttpResponse<String> get(String path) {
        return TestStack.send(TestStack.request(path).GET().build());
    }

    public static HttpResponse<String> post(String path, String body) {
        return TestStack.send(TestStack.request(path)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build());
    }

    public static JsonObject awaitTotal(String path, long total) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonObject page = Json.object(get(path).body());
        while (page.getJsonNumber("total").longValue() < total && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            page = Json.object(get(path).body());
        }
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(total);
        return page;
    }

    static long ordersOf(String email) throws SQLException {
        return count("SELECT count(*) FROM orders WHERE customer_email = '" + email + "'");
    }

    static long count(String sql) throws SQLException {
        return TestStack.count(sql);
    }
}
