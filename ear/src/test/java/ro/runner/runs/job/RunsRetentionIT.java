package ro.runner.runs.job;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.TestStack;

/**
 * The ledger retention job end to end: submitted through the API (so through JobOperator), seen by
 * asadmin, archiving exactly the old runs into the compressed CSV and deleting them, and after a
 * stop and a restart still archiving each run exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class RunsRetentionIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void archivesAndDeletesOnlyOldRuns() throws Exception {
        String marker = "retention-" + System.nanoTime();
        insertRuns(marker, 1234, 40);
        insertRuns(marker + "-recent", 10, 1);

        JsonObject execution = start("{\"days\":\"30\",\"chunk\":\"100\"}");
        JsonObject done = awaitEnd(execution.getJsonNumber("executionId").longValue());

        assertThat(done.getString("batchStatus")).isEqualTo("COMPLETED");
        assertThat(count("name = '" + marker + "'")).isZero();
        assertThat(count("name = '" + marker + "-recent'")).isEqualTo(10);
        assertThat(archivedNames(done).stream().filter(marker::equals).count()).isEqualTo(1234);
        assertThat(asadmin("list-batch-job-executions", "-l"))
                .contains(String.valueOf(done.getJsonNumber("executionId").longValue()));
        assertThat(count("kind = 'BATCH' AND name = 'runs-retention' AND status = 'SUCCEEDED' AND correlation = '"
                        + done.getJsonNumber("executionId").longValue() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aStoppedExecutionRestartsAndArchivesEveryRunOnce() throws Exception {
        String marker = "restart-" + System.nanoTime();
        insertRuns(marker, 20_000, 60);

        long first = start("{\"days\":\"30\",\"chunk\":\"10\"}")
                .getJsonNumber("executionId")
                .longValue();
        awaitProgress("name = '" + marker + "'", 20_000);
        post("/api/batch/jobs/executions/" + first + "/stop", "");
        JsonObject stopped = awaitEnd(first);
        assertThat(stopped.getString("batchStatus")).isEqualTo("STOPPED");
        assertThat(count("name = '" + marker + "'")).as("stopped part-way").isPositive();

        var restart = post("/api/batch/jobs/executions/" + first + "/restart", "{}");
        assertThat(restart.statusCode()).isEqualTo(201);
        JsonObject done = awaitEnd(
                Json.object(restart.body()).getJsonNumber("executionId").longValue());

        assertThat(done.getString("batchStatus")).isEqualTo("COMPLETED");
        assertThat(done.getJsonNumber("instanceId").longValue())
                .isEqualTo(stopped.getJsonNumber("instanceId").longValue());
        assertThat(count("name = '" + marker + "'")).isZero();
        var names = archivedNames(done);
        var ids = archivedIds(done);
        assertThat(names.stream().filter(marker::equals).count()).isEqualTo(20_000);
        assertThat(new HashSet<>(ids)).as("no run archived twice").hasSize(ids.size());
    }

    private static JsonObject start(String parameters) {
        var response = post("/api/batch/jobs/runs-retention", parameters);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.object(response.body());
    }

    private static java.net.http.HttpResponse<String> post(String path, String json) {
        return TestStack.send(TestStack.request(path)
                .header("Content-Type", "application/json")
                .POST(json.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(json))
                .build());
    }

    private static JsonObject awaitEnd(long executionId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            var body = Json.object(TestStack.send(TestStack.request("/api/batch/jobs/executions/" + executionId)
                            .GET()
                            .build())
                    .body());
            String status = body.getString("batchStatus");
            if (Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status)
                    || System.currentTimeMillis() > deadline) {
                return body;
            }
            Thread.sleep(250);
        }
    }

    /** Waits until the job has committed its first chunks, so the stop lands while it runs. */
    private static void awaitProgress(String where, long before) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (count(where) == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void insertRuns(String name, int count, int daysAgo) throws SQLException {
        try (var connection = TestStack.primary();
                var insert = connection.prepareStatement("INSERT INTO runs (kind, name, status, started_at, ended_at,"
                        + " duration_ms, tags) SELECT 'MANUAL', ?, 'SUCCEEDED', now() - make_interval(days => ?),"
                        + " now() - make_interval(days => ?), 5, 'test=retention' FROM generate_series(1, ?)")) {
            insert.setString(1, name);
            insert.setInt(2, daysAgo);
            insert.setInt(3, daysAgo);
            insert.setInt(4, count);
            insert.executeUpdate();
        }
    }

    private static long count(String where) throws SQLException {
        return TestStack.count("SELECT count(*) FROM runs WHERE " + where);
    }

    private static Path archive(JsonObject execution) {
        return Path.of(
                TestStack.get("RUNNER_BASE"),
                "data",
                "archive",
                "runs-retention-" + execution.getJsonNumber("instanceId").longValue() + ".csv.gz");
    }

    private static java.util.List<String> archivedNames(JsonObject execution) throws Exception {
        return column(execution, "name");
    }

    private static java.util.List<String> archivedIds(JsonObject execution) throws Exception {
        return column(execution, "id");
    }

    private static java.util.List<String> column(JsonObject execution, String column) throws Exception {
        try (var reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(archive(execution))), StandardCharsets.UTF_8))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).stream()
                    .map((CSVRecord r) -> r.get(column))
                    .toList();
        }
    }

    private static String asadmin(String... args) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add("bash");
        command.add(TestStack.root().resolve("server-config/payara/payara.sh").toString());
        command.add(System.getProperty("runner.profile", "test"));
        command.add("asadmin");
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
