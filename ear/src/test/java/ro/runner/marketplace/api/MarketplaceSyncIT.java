package ro.runner.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.TestStack;

/**
 * Order sync against the eMAG simulator over HTTP, as an operator drives it: both accounts stored
 * once, MAIN acknowledged once and FBE never, faults survived within the rate budget, and one
 * account's bad credentials failing alone.
 */
@ExtendWith(ArquillianExtension.class)
class MarketplaceSyncIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void quietSchedulesAndAccounts() {
        // the schedules would sync and acknowledge beside the test; the test drives both itself
        for (String schedule : new String[] {"marketplace-order-sync", "marketplace-order-acknowledge"}) {
            var r = put("/api/schedules/" + schedule, "{\"enabled\":false}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        account("main", "MAIN", "runner-main", "main-secret");
        account("fbe", "FBE", "runner-fbe", "fbe-secret");
        Simulator.clearFaults();
    }

    @AfterEach
    void clearFaults() {
        Simulator.clearFaults();
    }

    @Test
    void bothAccountsAreStoredOnceMainAcknowledgedOnceFbeNever() throws Exception {
        Simulator.addOrders("main", 150);
        Simulator.addOrders("fbe", 150);
        Simulator.resetReport();

        assertThat(post("/api/marketplace/main/sync").statusCode()).isEqualTo(200);
        assertThat(post("/api/marketplace/fbe/sync").statusCode()).isEqualTo(200);

        JsonObject main = Simulator.account("main");
        JsonObject fbe = Simulator.account("fbe");
        assertThat(main.getInt("orders")).isGreaterThanOrEqualTo(400);
        assertThat(stored("main")).isEqualTo(main.getInt("orders"));
        assertThat(stored("fbe")).isEqualTo(fbe.getInt("orders"));
        assertThat(TestStack.count("SELECT count(*) FROM marketplace_orders WHERE account = 'fbe' AND type <> 2"))
                .isZero();

        var ack = post("/api/marketplace/main/acknowledge");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(post("/api/marketplace/fbe/acknowledge").statusCode()).isEqualTo(200);
        var again = post("/api/marketplace/main/acknowledge");
        assertThat(Json.object(again.body()).getString("result")).startsWith("0 acknowledged");

        JsonObject report = Simulator.report().getJsonObject("accounts");
        JsonObject mainCounts = report.getJsonObject("main").getJsonObject("counts");
        assertThat(Simulator.account("main").getJsonObject("byStatus").getInt("1"))
                .isZero();
        assertThat(mainCounts.getInt("duplicateAcknowledgements", 0)).isZero();
        assertThat(mainCounts.getInt("acknowledgements")).isGreaterThan(300);
        assertThat(report.getJsonObject("fbe").getJsonObject("counts").getInt("fbeAcknowledgements", 0))
                .isZero();
        assertThat(Simulator.account("fbe").getInt("acknowledged")).isZero();
        assertThat(TestStack.count("SELECT count(*) FROM marketplace_orders WHERE account = 'main' AND status = 1"
                        + " AND acknowledged_at IS NULL"))
                .isZero();
        assertWithinBudget(report);

        assertThat(TestStack.count(
                        "SELECT count(*) FROM orders WHERE source = 'MARKETPLACE' AND number LIKE 'EMAG-MAIN-%'"))
                .as("every stored order is among the shop's Orders")
                .isEqualTo(stored("main"));
        assertThat(TestStack.count(
                        "SELECT count(*) FROM orders WHERE source = 'MARKETPLACE' AND number LIKE 'EMAG-FBE-%'"))
                .isEqualTo(stored("fbe"));
        assertThat(TestStack.count("SELECT count(*) FROM orders o WHERE o.number LIKE 'EMAG-%'"
                        + " AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)"))
                .as("copies without lines")
                .isZero();
        assertThat(
                        TestStack.count(
                                "SELECT count(*) FROM orders WHERE number LIKE 'EMAG-MAIN-%' AND status IN ('PENDING', 'PAID')"))
                .as("acknowledged orders are CONFIRMED")
                .isZero();
    }

    @Test
    void faultsAreRetriedOrdersStoredOnceAndTheBudgetKept() throws Exception {
        Simulator.addOrders("main", 250);
        Simulator.addOrders("fbe", 250);
        Simulator.resetReport();
        Simulator.faults("{\"serverErrorRate\":0.2,\"slowRate\":0.05,\"slowMillis\":12000,"
                + "\"malformedRate\":0.05,\"tooManyRate\":0.05,\"errorRate\":0.03}");

        var main = syncAgainIfItGaveUp("main");
        var fbe = syncAgainIfItGaveUp("fbe");
        Simulator.clearFaults();

        assertThat(main.statusCode()).as(main.body()).isEqualTo(200);
        assertThat(fbe.statusCode()).as(fbe.body()).isEqualTo(200);
        assertThat(stored("main")).isEqualTo(Simulator.account("main").getInt("orders"));
        assertThat(stored("fbe")).isEqualTo(Simulator.account("fbe").getInt("orders"));
        JsonObject report = Simulator.report().getJsonObject("accounts");
        // Faults are random per request: count them over both accounts' requests, so that the
        // check that some were injected does not depend on one account's few pages.
        long faults = java.util.stream.Stream.of("main", "fbe")
                .flatMap(account -> report.getJsonObject(account).getJsonObject("counts").entrySet().stream())
                .filter(e -> e.getKey().startsWith("fault."))
                .count();
        assertThat(faults).as("faults injected during the syncs").isPositive();
        assertWithinBudget(report);
    }

    @Test
    void wrongCredentialsFailThatAccountAloneAndOpenItsCircuit() {
        account("wrong", "MAIN", "runner-main", "not-the-secret");

        String last = "";
        for (int i = 0; i < 3; i++) {
            var r = post("/api/marketplace/wrong/sync");
            assertThat(r.statusCode()).isEqualTo(502);
            last = Json.object(r.body()).getString("detail");
            assertThat(last).contains("401").contains("not allowed");
        }
        var open = post("/api/marketplace/wrong/sync");
        var other = post("/api/marketplace/fbe/sync");
        put("/api/marketplace/accounts/wrong", "{\"enabled\":false}");

        assertThat(Json.object(open.body()).getString("detail")).contains("circuit open");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        var runs = get("/api/runs?name=marketplace-order-sync&tag=account=wrong");
        assertThat(runs.body()).contains("FAILED").contains("not allowed");
        var status = get("/api/marketplace/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"account\":\"wrong\"");
    }

    @Test
    void theCallbackIsPublicAndStoresTheOrderAtOnce() throws Exception {
        long id =
                Simulator.addOrder("main").getJsonArray("ids").getJsonNumber(0).longValue();

        var response =
                TestStack.send(HttpRequest.newBuilder(TestStack.http("/api/marketplace/main/callback?order_id=" + id))
                        // a client of its own: callbacks are rate limited per client (30 a minute)
                        .header("X-Forwarded-For", "10.250.0." + (1 + id % 250))
                        .POST(BodyPublishers.noBody())
                        .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TestStack.count(
                        "SELECT count(*) FROM marketplace_orders WHERE account = 'main' AND order_id = " + id))
                .isEqualTo(1);
        var anonymousStatus = TestStack.send(HttpRequest.newBuilder(TestStack.http("/api/marketplace/status"))
                .GET()
                .build());
        assertThat(anonymousStatus.statusCode()).isEqualTo(401);
    }

    @Test
    void accountsNeverShowTheirPassword() throws Exception {
        var list = get("/api/marketplace/accounts");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("runner-main").doesNotContain("main-secret");
        assertThat(TestStack.count("SELECT count(*) FROM marketplace_accounts WHERE password_secret LIKE '%secret%'"))
                .isZero();
    }

    private static void assertWithinBudget(JsonObject accounts) {
        for (String account : accounts.keySet()) {
            JsonObject routes = accounts.getJsonObject(account).getJsonObject("routes");
            if (routes == null) {
                continue;
            }
            for (String routeClass : routes.keySet()) {
                JsonObject r = routes.getJsonObject(routeClass);
                assertThat(r.getInt("secondsOverBudget"))
                        .as(account + " " + routeClass + " " + r)
                        .isZero();
                assertThat(r.getInt("rateLimited"))
                        .as(account + " " + routeClass)
                        .isZero();
            }
        }
    }

    private static void account(String name, String type, String user, String password) {
        var r = put(
                "/api/marketplace/accounts/" + name,
                "{\"type\":\"" + type + "\",\"baseUrl\":\"" + Simulator.apiUrl() + "\",\"username\":\"" + user
                        + "\",\"password\":\"" + password + "\",\"enabled\":true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static long stored(String account) throws SQLException {
        return TestStack.count("SELECT count(*) FROM marketplace_orders WHERE account = '" + account + "'");
    }

    private static HttpResponse<String> get(String path) {
        return TestStack.send(TestStack.request(path).GET().build());
    }

    /**
     * A sync under the faults above, and a second one, still under them, if the first gave up: at
     * 38 % faulty answers a call fails all its 7 attempts about once in 900, so roughly one sync in
     * a hundred gives up somewhere (seen in CI), and the next scheduled sync would pick it up. Both
     * giving up, or a retry that does not work (every sync of a dozen calls would give up), fails.
     */
    private static HttpResponse<String> syncAgainIfItGaveUp(String account) {
        String path = "/api/marketplace/" + account + "/sync?overlapMinutes=100000";
        var response = post(path);
        if (response.statusCode() == 502 && response.body().contains("gave up after")) {
            response = post(path);
        }
        return response;
    }

    private static HttpResponse<String> post(String path) {
        return TestStack.send(TestStack.request(path)
                .timeout(java.time.Duration.ofMinutes(5))
                // HTTP/1.1: Payara closes an h2c connection that stays quiet for 30 s, and an
                // acknowledgement run of a few hundred orders at 12/s takes longer
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .POST(BodyPublishers.noBody())
                .build());
    }

    private static HttpResponse<String> put(String path, String json) {
        return TestStack.send(TestStack.request(path)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json))
                .build());
    }
}
