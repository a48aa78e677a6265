package ro.runner.data;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.Scripts;
import ro.runner.it.TestStack;

/**
 * Read routing against the real primary and replica: lists read from the replica, a user always
 * sees their own write even on a delayed replica, reads survive a replica outage on the primary and
 * return to the replica after it, and a backup restores to the same row counts.
 */
@ExtendWith(ArquillianExtension.class)
class ReplicationIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void listReadsAreServedByTheReplica() throws Exception {
        awaitReplicaState("OK");
        long before = routing().getJsonNumber("replicaReads").longValue();

        for (int i = 0; i < 5; i++) {
            assertThat(get(fresh(), "/api/runs?size=5").statusCode()).isEqualTo(200);
        }

        assertThat(routing().getJsonNumber("replicaReads").longValue()).isGreaterThanOrEqualTo(before + 5);
    }

    @Test
    void aUserSeesTheirOwnWriteOnADelayedReplicaWhileOthersReadTheReplica() throws Exception {
        awaitReplicaState("OK");
        Scripts.run(
                "postgres/pg.sh",
                "superuser-psql",
                "replica1",
                "-c",
                "ALTER SYSTEM SET recovery_min_apply_delay = '4s'",
                "-c",
                "SELECT pg_reload_conf()");
        try {
            HttpClient writer = fresh();
            HttpClient other = fresh();
            var wrote = TestStack.send(
                    writer,
                    TestStack.request("/api/schedules/runs-retention/run")
                            .POST(BodyPublishers.noBody())
                            .build());
            assertThat(wrote.statusCode()).isEqualTo(202);
            assertThat(wrote.headers().firstValue("Runner-Read-After")).isPresent();
            long written = newestManualRun();

            long seenByWriter = newestListed(writer);
            long seenByOther = newestListed(other);

            assertThat(seenByWriter).as("the writer reads its own write").isEqualTo(written);
            assertThat(seenByOther).as("another user reads the delayed replica").isLessThan(written);
            assertThat(routing().getJsonObject("primaryByReason").getJsonNumber("read-your-writes"))
                    .isNotNull();
        } finally {
            Scripts.run(
                    "postgres/pg.sh",
                    "superuser-psql",
                    "replica1",
                    "-c",
                    "ALTER SYSTEM RESET recovery_min_apply_delay",
                    "-c",
                    "SELECT pg_reload_conf()");
        }
    }

    @Test
    void readsSurviveAReplicaOutageAndReturnToItAfterwards() throws Exception {
        awaitReplicaState("OK");
        var failures = new AtomicInteger();
        var reads = new AtomicInteger();
        var running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            HttpClient client = fresh();
            while (running.get()) {
                try {
                    if (get(client, "/api/runs?size=10").statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
                reads.incrementAndGet();
            }
        });
        load.start();
        try {
            Scripts.run("postgres/pg.sh", "stop", "replica1");
            JsonObject down = awaitReplicaState("DOWN");
            assertThat(down.getString("status"))
                    .as("the application stays ready")
                    .isEqualTo("UP");
            long primaryBefore = routing().getJsonNumber("primaryReads").longValue();
            Thread.sleep(2000);
            assertThat(routing().getJsonNumber("primaryReads").longValue())
                    .as("reads go to the primary")
                    .isGreaterThan(primaryBefore);
        } finally {
            Scripts.run("postgres/pg.sh", "start");
        }
        try {
            awaitReplicaState("OK");
            long replicaBefore = routing().getJsonNumber("replicaReads").longValue();
            Thread.sleep(2000);
            assertThat(routing().getJsonNumber("replicaReads").longValue())
                    .as("reads are back on the replica")
                    .isGreaterThan(replicaBefore);
        } finally {
            running.set(false);
            load.join();
        }
        assertThat(reads.get()).isPositive();
        assertThat(failures.get()).as("failed reads out of %d", reads.get()).isZero();
    }

    @Test
    void theReplicationHealthScheduleRecordsItsCheckInTheLedger() throws Exception {
        awaitReplicaState("OK");

        var run = TestStack.runSchedule("replication-health");

        assertThat(run.statusCode()).isEqualTo(202);
        assertThat(Json.object(run.body()).getString("result")).contains("1 standby(s) streaming");
    }

    @Test
    void aBackupRestoresIntoAFreshDatabaseWithTheSameRowCounts() throws Exception {
        String dump = Scripts.run("postgres/backup.sh")
                .trim()
                .lines()
                .reduce((a, b) -> b)
                .orElseThrow();
        String restored = "runner_restore_" + System.nanoTime();

        Scripts.run("postgres/restore.sh", dump, restored);

        try {
            for (String table : List.of("schedules", "users", "user_roles", "flyway_schema_history")) {
                assertThat(count(TestStack.get("PG_DB"), table)).as(table).isEqualTo(count(restored, table));
            }
            // The schedules keep recording runs while the test runs (the clean-clone CI of a91181e saw
            // two more runs live than in its dump): compare the runs the dump can hold, those up to its
            // newest id. And runs-retention, started by the test before, may still be deleting runs
            // older than 30 days (MarketplaceSchedulesIT leaves one) after the dump: those are left out.
            long newest = scalar(restored, "SELECT max(id) FROM runs");
            String upToNewest =
                    "SELECT count(*) FROM runs WHERE id <= " + newest + " AND started_at > now() - interval '29 days'";
            assertThat(newest).as("runs in the dump").isPositive();
            assertThat(scalar(TestStack.get("PG_DB"), upToNewest)).as("runs").isEqualTo(scalar(restored, upToNewest));
            assertThat(Path.of(dump)).exists();
        } finally {
            try (var connection = TestStack.primary()) {
                connection.createStatement().execute("DROP DATABASE IF EXISTS " + restored);
            }
        }
    }

    private static HttpClient fresh() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) {
        return TestStack.send(client, TestStack.request(path).GET().build());
    }

    private static JsonObject routing() {
        return Json.object(get(fresh(), "/api/replication").body()).getJsonObject("routing");
    }

    private static long newestListed(HttpClient client) {
        var page = Json.object(get(client, "/api/runs?kind=TIMER&name=runs-retention&tag=trigger=manual&size=1")
                .body());
        var items = page.getJsonArray("items");
        return items.isEmpty() ? 0 : items.getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static long newestManualRun() throws SQLException {
        try (var connection = TestStack.primary();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT max(id) FROM runs WHERE kind = 'TIMER' AND tags = 'trigger=manual'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long count(String database, String table) throws SQLException {
        return scalar(database, "SELECT count(*) FROM " + table);
    }

    private static long scalar(String database, String query) throws SQLException {
        try (var connection = TestStack.connect(database);
                var rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static JsonObject awaitReplicaState(String state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonObject health = null;
        while (System.currentTimeMillis() < deadline) {
            var ready = TestStack.send(HttpRequest.newBuilder(TestStack.http("/health/ready"))
                    .GET()
                    .build());
            health = Json.object(ready.body());
            for (var check : health.getJsonArray("checks").getValuesAs(JsonObject.class)) {
                if ("replica".equals(check.getString("name"))
                        && state.equals(check.getJsonObject("data").getString("state"))) {
                    return health;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the replica did not become " + state + ": " + health);
    }
}
