package ro.runner.runs.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.TestStack;

/** The API over HTTP, as a client sees it: security, problem bodies, schedules, health, metrics. */
@ExtendWith(ArquillianExtension.class)
class ApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithAProblemBody() {
        var response = TestStack.send(java.net.http.HttpRequest.newBuilder(TestStack.http("/api/runs"))
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(Json.object(response.body()).getInt("status")).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIs401() {
        var response = TestStack.send(TestStack.request("/api/runs", "admin", "not-the-password")
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerReadsButCannotChangeSchedules() throws Exception {
        createUser("viewer-" + System.nanoTime(), "viewer-secret", "viewer");
        String viewer = lastUser;

        var read = TestStack.send(TestStack.request("/api/schedules", viewer, "viewer-secret")
                .GET()
                .build());
        var change = TestStack.send(TestStack.request("/api/schedules/runs-retention/run", viewer, "viewer-secret")
                .POST(BodyPublishers.noBody())
                .build());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("runs-retention");
        assertThat(change.statusCode()).isEqualTo(403);
    }

    @Test
    void aBadScheduleExpressionIs400AndChangesNothing() {
        String before = schedule();

        var response = put("/api/schedules/runs-retention", "{\"expression\":\"every day at 3\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Json.object(response.body()).getString("detail")).contains("6 fields");
        assertThat(schedule()).isEqualTo(before);
    }

    @Test
    void editingAScheduleRecreatesItsTimer() {
        var edited = put("/api/schedules/runs-retention", "{\"expression\":\"11 13 2 * * *\"}");
        var restored = put("/api/schedules/runs-retention", "{\"expression\":\"23 17 3 * * *\"}");

        assertThat(edited.statusCode()).isEqualTo(200);
        var view = Json.object(edited.body());
        assertThat(view.getString("expression")).isEqualTo("11 13 2 * * *");
        assertThat(view.getString("nextRun")).contains("T02:13:11");
        assertThat(Json.object(restored.body()).getString("nextRun")).contains("T03:17:23");
    }

    @Test
    void disablingAScheduleRemovesItsNextRun() {
        var disabled = put("/api/schedules/runs-retention", "{\"enabled\":false}");
        var enabled = put("/api/schedules/runs-retention", "{\"enabled\":true}");

        assertThat(Json.object(disabled.body()).containsKey("nextRun")).isFalse();
        assertThat(Json.object(enabled.body()).getString("nextRun")).isNotBlank();
    }

    @Test
    void unknownThingsAre404AndBadFiltersAre400() {
        assertThat(get("/api/schedules/no-such-schedule").statusCode()).isEqualTo(404);
        assertThat(get("/api/runs/999999999").statusCode()).isEqualTo(404);
        var badKind = get("/api/runs?kind=SOMETIMES");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(Json.object(badKind.body()).getString("detail")).contains("TIMER");
        assertThat(get("/api/runs?size=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/runs?tag=no-equals-sign").statusCode()).isEqualTo(400);
        var unknownJob = TestStack.send(TestStack.request("/api/batch/jobs/no-such-job")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}"))
                .build());
        assertThat(unknownJob.statusCode()).isEqualTo(400);
    }

    @Test
    void runNowIsRecordedInTheLedgerAndCounted() throws Exception {
        var run = TestStack.runSchedule("runs-retention");

        assertThat(run.statusCode()).isEqualTo(202);
        assertThat(Json.object(run.body()).getString("result")).startsWith("started runs-retention execution");
        // read on the replica, which may have the run's start and not yet its end: polled until the
        // newest manual run listed is this one (the newest on the primary) and SUCCEEDED
        long newest = TestStack.count("SELECT max(id) FROM runs WHERE kind = 'TIMER' AND name = 'runs-retention'"
                + " AND tags = 'trigger=manual'");
        String path = "/api/runs?kind=TIMER&name=runs-retention&tag=trigger=manual&size=1";
        long deadline = System.currentTimeMillis() + 30_000;
        var runs = Json.object(get(path).body());
        while (!succeeded(runs, newest) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            runs = Json.object(get(path).body());
        }
        assertThat(runs.getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue())
                .isEqualTo(newest);
        assertThat(runs.getJsonArray("items").getJsonObject(0).getString("status"))
                .isEqualTo("SUCCEEDED");
        var metrics = TestStack.send(TestStack.request("/metrics")
                        .setHeader("Accept", "text/plain")
                        .GET()
                        .build())
                .body();
        assertThat(metrics).containsPattern("runner_runs_total\\{[^}]*kind=\"TIMER\"[^}]*name=\"runs-retention\"");
    }

    @Test
    void healthIsReadyWithPrimaryReplicaAndJms() {
        var ready = TestStack.send(java.net.http.HttpRequest.newBuilder(TestStack.http("/health/ready"))
                .GET()
                .build());

        assertThat(ready.statusCode()).isEqualTo(200);
        var health = Json.object(ready.body());
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(ready.body()).contains("\"primary\"", "\"replica\"", "\"jms\"");
        assertThat(TestStack.send(java.net.http.HttpRequest.newBuilder(TestStack.http("/health/live"))
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void openApiDescribesTheApi() {
        var openapi = TestStack.send(java.net.http.HttpRequest.newBuilder(TestStack.http("/openapi"))
                .GET()
                .build());

        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/runs", "/api/schedules", "/api/batch/jobs");
    }

    private static HttpResponse<String> get(String path) {
        return TestStack.send(TestStack.request(path).GET().build());
    }

    private static HttpResponse<String> put(String path, String json) {
        return TestStack.send(TestStack.request(path)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json))
                .build());
    }

    private static String schedule() {
        return get("/api/schedules/runs-retention").body();
    }

    /** Whether the page's first run is the given one, SUCCEEDED. */
    private static boolean succeeded(JsonObject page, long run) {
        var items = page.getJsonArray("items");
        return !items.isEmpty()
                && items.getJsonObject(0).getJsonNumber("id").longValue() == run
                && "SUCCEEDED".equals(items.getJsonObject(0).getString("status"));
    }

    private String lastUser;

    private void createUser(String name, String password, String role) throws Exception {
        try (var connection = TestStack.primary();
                var user = connection.prepareStatement("INSERT INTO users (username, password_hash) VALUES (?, ?)");
                var roles = connection.prepareStatement("INSERT INTO user_roles (username, role) VALUES (?, ?)")) {
            user.setString(1, name);
            user.setString(2, pbkdf2(password));
            user.executeUpdate();
            roles.setString(1, name);
            roles.setString(2, role);
            roles.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        lastUser = name;
    }

    /** The hash in the format Jakarta Security's Pbkdf2PasswordHash reads: algorithm:iterations:salt:hash. */
    private static String pbkdf2(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        int iterations = 2048;
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 32 * 8))
                .getEncoded();
        var base64 = Base64.getEncoder();
        return "PBKDF2WithHmacSHA256:" + iterations + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(hash);
    }
}
