package ro.runner.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The test stack as a client sees it: ports and folders from the profile the build started it with
 * (system property runner.profile: a name in server-config/profiles or a path to an .env file;
 * default test), HTTP calls with the admin's credentials, JDBC to the primary. For tests that run
 * outside the server.
 */
public final class TestStack {

    private static final Map<String, String> ENV = load();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestStack() {}

    public static String get(String name) {
        String value = ENV.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set in the test profile");
        }
        return value;
    }

    public static Path root() {
        return Path.of(System.getProperty("runner.root", "..")).toAbsolutePath().normalize();
    }

    public static URI http(String path) {
        return URI.create("http://127.0.0.1:" + get("PAYARA_HTTP_PORT") + path);
    }

    public static String adminPassword() {
        return System.getProperty("runner.admin.password");
    }

    public static HttpRequest.Builder request(String path) {
        return request(path, "admin", adminPassword());
    }

    public static HttpRequest.Builder request(String path, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(http(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request);
    }

    /** Runs the schedule now, as the console's "run now" does (POST /api/schedules/{name}/run). */
    public static HttpResponse<String> runSchedule(String name) {
        return send(request("/api/schedules/" + name + "/run")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row a query on the primary answers, as text. */
    public static String value(String sql) throws SQLException {
        try (var connection = primary();
                var rows = connection.createStatement().executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rows.getString(1);
        }
    }

    /** The number a query on the primary answers (a count, usually). */
    public static long count(String sql) throws SQLException {
        return Long.parseLong(value(sql));
    }

    /** Polls a count on the primary until it reaches the expected value or the time is up, then asserts it. */
    public static void awaitCount(String countSql, long expected, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (count(countSql) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        org.assertj.core.api.Assertions.assertThat(count(countSql)).as(countSql).isEqualTo(expected);
    }

    /**
     * Waits, at most 30 s, until the orders paid and the mails queued in the last 2 minutes have been
     * tracked and sent (or have failed), then a second more. Called after a class's tests, before
     * Arquillian undeploys the EAR: an undeploy that cuts a delivery short was seen (clean-clone CI of
     * 77450ac) to leave the delivery's transaction on Payara's MDB thread, which then failed every
     * later message it was given ("Client's transaction aborted") and dead-lettered them.
     */
    public static void awaitConsumersQuiet() throws Exception {
        String busy = "SELECT (SELECT count(*) FROM notifications WHERE status IN ('QUEUED', 'SENDING')"
                + " AND updated_at > now() - interval '2 minutes')"
                + " + (SELECT count(*) FROM orders o WHERE o.status IN ('PAID', 'CONFIRMED', 'COMPLETED')"
                + " AND o.updated_at > now() - interval '2 minutes' AND NOT EXISTS (SELECT 1 FROM order_tracking t"
                + " WHERE t.order_id = o.id AND t.status = o.status))";
        long deadline = System.currentTimeMillis() + 30_000;
        while (count(busy) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        Thread.sleep(1_000);
    }

    /**
     * Waits up to 3 minutes, after a restart, until {@code /health/ready} and the given API path (with
     * the admin's credentials) both answer 200: the server is up and the application deployed.
     */
    public static void awaitReady(String apiPath) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                var ready =
                        send(HttpRequest.newBuilder(http("/health/ready")).GET().build());
                var api = send(request(apiPath).GET().build());
                if (ready.statusCode() == 200 && api.statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the server is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not become ready after the restart");
    }

    public static Connection primary() throws SQLException {
        return connect(get("PG_DB"));
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + get("PG_PRIMARY_PORT") + "/" + database,
                get("PG_USER"),
                get("PG_PASSWORD"));
    }

    private static Map<String, String> load() {
        var env = new HashMap<String, String>();
        env.put("RUNNER_ROOT", root().toString());
        String profile = System.getProperty("runner.profile", "test");
        Path profileFile = profile.endsWith(".env")
                ? Path.of(profile)
                : root().resolve("server-config/profiles/" + profile + ".env");
        for (Path file : new Path[] {root().resolve("server-config/profiles/common.env"), profileFile}) {
            try {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.trim();
                    int eq = trimmed.indexOf('=');
                    if (trimmed.startsWith("#") || eq <= 0) {
                        continue;
                    }
                    String value = trimmed.substring(eq + 1).replace("\"", "");
                    for (var known : env.entrySet()) {
                        value = value.replace("${" + known.getKey() + "}", known.getValue());
                    }
                    env.put(trimmed.substring(0, eq), value);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(env);
    }
}
