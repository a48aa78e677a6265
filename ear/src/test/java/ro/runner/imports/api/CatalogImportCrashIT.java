package ro.runner.imports.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
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
 * kill -9 of the server in the middle of a large import: at the next start the execution and the
 * import show FAILED (interrupted), and a restart through the API ends with exact counts — every
 * good row once, every bad line reported once.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogImportCrashIT {

    private static final int ROWS = 200_000;
    private static final int BAD_EVERY = 997;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anImportInterruptedByKillNineRestartsWithExactCounts() throws Exception {
        String p = "K" + UUID.randomUUID().toString().substring(0, 8) + "-";
        var out = new ByteArrayOutputStream(ROWS * 60);
        out.writeBytes("sku,name,brand,category,price,sale_price,stock,vat,ean\n".getBytes(StandardCharsets.UTF_8));
        int bad = 0;
        for (int i = 1; i <= ROWS; i++) {
            String price = i % BAD_EVERY == 0 ? "not-a-price" : (i % 1000) + ",5";
            bad += i % BAD_EVERY == 0 ? 1 : 0;
            out.writeBytes(("%s%d,\"Product %d\",Brand,Category,\"%s\",,3,19,\n".formatted(p, i, i, price))
                    .getBytes(StandardCharsets.UTF_8));
        }
        var submitted = TestStack.send(TestStack.request("/api/imports?profile=products&chunk=100&fileName=crash.csv")
                .header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long id = Json.object(submitted.body()).getJsonNumber("id").longValue();
        long deadline = System.currentTimeMillis() + 120_000;
        while (readCount(id) < 5_000 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }

        Scripts.run("payara/payara.sh", "crash");
        long atCrash = readCount(id);
        assertThat(atCrash).as("killed in the middle").isPositive().isLessThan(ROWS);
        assertThat(count("products WHERE sku LIKE '" + p + "%'")).isLessThan(ROWS - bad);
        Scripts.run("payara/payara.sh", "start");
        TestStack.awaitReady("/api/imports");

        JsonObject interrupted = get(id);
        assertThat(interrupted.getString("status")).isEqualTo("FAILED");
        assertThat(interrupted.getString("exitStatus")).contains("interrupted");
        long crashedExecution = interrupted.getJsonNumber("executionId").longValue();
        var execution = Json.object(TestStack.send(TestStack.request("/api/batch/jobs/executions/" + crashedExecution)
                        .GET()
                        .build())
                .body());
        assertThat(execution.getString("batchStatus")).isEqualTo("FAILED");
        assertThat(count("runs WHERE kind = 'BATCH' AND correlation = '" + crashedExecution
                        + "' AND status = 'FAILED' AND error LIKE 'interrupted%' AND ended_at IS NOT NULL"))
                .as("the crashed execution's run-ledger row")
                .isEqualTo(1);

        var restart = TestStack.send(TestStack.request("/api/imports/" + id + "/restart")
                .POST(BodyPublishers.noBody())
                .build());
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(200);
        JsonObject done = awaitEnd(id);

        assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.getJsonNumber("executionId").longValue()).isNotEqualTo(crashedExecution);
        assertThat(done.getJsonNumber("read").longValue()).isEqualTo(ROWS);
        assertThat(done.getJsonNumber("written").longValue()).isEqualTo(ROWS - bad);
        assertThat(done.getJsonNumber("skipped").longValue()).isEqualTo(bad);
        assertThat(count("products WHERE sku LIKE '" + p + "%'")).isEqualTo(ROWS - bad);
        assertThat(count("products WHERE sku LIKE '" + p + "%' AND import_id = " + id))
                .isEqualTo(ROWS - bad);
        assertThat(count("import_errors WHERE import_id = " + id)).isEqualTo(bad);
        assertThat(count("import_errors WHERE import_id = " + id + " AND line_number % " + BAD_EVERY + " = 1"))
                .as("each reported line is a bad one (file line = row + 1)")
                .isEqualTo(bad);
        assertThat(count("catalog_changes WHERE key LIKE '" + p + "%'")).isZero();
    }

    private static long readCount(long id) throws SQLException {
        return count("imports WHERE id = " + id + " AND read_count > 0") == 0
                ? 0
                : Long.parseLong(TestStack.value("SELECT read_count FROM imports WHERE id = " + id));
    }

    private static JsonObject get(long id) {
        return Json.object(
                TestStack.send(TestStack.request("/api/imports/" + id).GET().build())
                        .body());
    }

    private static JsonObject awaitEnd(long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 300_000;
        while (true) {
            JsonObject body = get(id);
            if (Set.of("COMPLETED", "FAILED", "STOPPED").contains(body.getString("status"))
                    || System.currentTimeMillis() > deadline) {
                return body;
            }
            Thread.sleep(200);
        }
    }

    private static long count(String from) throws SQLException {
        return TestStack.count("SELECT count(*) FROM " + from);
    }
}
