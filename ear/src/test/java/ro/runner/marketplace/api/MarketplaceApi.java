package ro.runner.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Set;
import ro.runner.it.Json;
import ro.runner.it.TestStack;

/** The Runner API and database as the offer tests use them: accounts, schedules, job executions. */
final class MarketplaceApi {

    private MarketplaceApi() {}

    /** Switches schedules off, so timers do not sync or push beside a test. */
    static void disableSchedules(String... names) {
        for (String name : names) {
            var r = put("/api/schedules/" + name, "{\"enabled\":false}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    static void account(String name, String type, String user, String password) {
        var r = put(
                "/api/marketplace/accounts/" + name,
                "{\"type\":\"" + type + "\",\"baseUrl\":\"" + Simulator.apiUrl() + "\",\"username\":\"" + user
                        + "\",\"password\":\"" + password + "\",\"enabled\":true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Starts an offer job ({@code sync} or {@code push}) and answers its execution id. */
    static long startOfferJob(String account, String what) {
        var r = post("/api/marketplace/" + account + "/offers/" + what, "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return Json.object(r.body()).getJsonNumber("executionId").longValue();
    }

    static JsonObject execution(long id) {
        return Json.object(TestStack.send(TestStack.request("/api/batch/jobs/executions/" + id)
                        .GET()
                        .build())
                .body());
    }

    static JsonObject awaitEnd(long executionId, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            JsonObject body = execution(executionId);
            if (Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(body.getString("batchStatus"))
                    || System.currentTimeMillis() > deadline) {
                return body;
            }
            Thread.sleep(250);
        }
    }

    static long count(String sql) throws SQLException {
        return TestStack.count(sql);
    }

    static void execute(String sql) throws SQLException {
        try (var c = TestStack.primary();
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static HttpResponse<String> get(String path) {
        return TestStack.send(TestStack.request(path).GET().build());
    }

    static HttpResponse<String> post(String path, String json) {
        return TestStack.send(TestStack.request(path)
                .header("Content-Type", "application/json")
                .POST(json.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(json))
                .build());
    }

    static HttpResponse<String> put(String path, String json) {
        return TestStack.send(TestStack.request(path)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json))
                .build());
    }
}
