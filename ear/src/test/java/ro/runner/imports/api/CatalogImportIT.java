package ro.runner.imports.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
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
import ro.runner.it.TestStack;

/**
 * Catalogue imports end to end: files uploaded through /api/imports (multipart), imported by the
 * catalog-import job, checked in the products table, the imports counters and the errors CSV.
 * Every test uses its own sku prefix, so the tests share nothing.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogImportIT {

    private static final String HEADER = "sku,name,brand,category,price,sale_price,stock,vat,ean,color\n";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aCleanFileImportsExactly() throws Exception {
        String prefix = prefix();
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2500; i++) {
            csv.append(prefix)
                    .append(i)
                    .append(",Product ")
                    .append(i)
                    .append(",Acme,Kitchen,")
                    .append(i)
                    .append(".25,,")
                    .append(i % 7)
                    .append(",19,,red\n");
        }
        JsonObject done = awaitEnd(submit(csv.toString().getBytes(StandardCharsets.UTF_8), "profile", "products"));

        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getJsonNumber("read").longValue()).isEqualTo(2500);
        assertThat(done.getJsonNumber("written").longValue()).isEqualTo(2500);
        assertThat(done.getJsonNumber("skipped").longValue()).isZero();
        assertThat(count("products WHERE sku LIKE '" + prefix + "%'")).isEqualTo(2500);
        assertThat(TestStack.value(
                        "SELECT price || '|' || stock || '|' || (attributes->>'color') FROM products WHERE sku = '"
                                + prefix + "1234'"))
                .isEqualTo("1234.25|2|red");
    }

    /**
     * A file of three partitions (at least 1 MiB each) whose keys repeat across them: every key ends
     * with the values of its last line, whichever partition committed first, each partition's range
     * is read once (the counts are exact), and the partitions are those stored for the import.
     */
    @Test
    void aPartitionedFileKeepsTheLastLineOfEveryKey() throws Exception {
        String p = prefix();
        int rows = 60_000;
        int keys = 1_000;
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(p)
                    .append(i % keys)
                    .append(",\"Product ")
                    .append(i)
                    .append(", with a quoted, long name to fill the file past three MiB ")
                    .append("x".repeat(20))
                    .append("\",Acme,Kitchen,")
                    .append(i)
                    .append(".50,,")
                    .append(i % 7)
                    .append(",19,,red\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(3 << 20);
        JsonObject done = awaitEnd(submit(file, "profile", "products", "partitions", "3", "chunk", "1000"));

        assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
        long id = done.getJsonNumber("id").longValue();
        assertThat(done.getJsonNumber("read").longValue()).isEqualTo(rows);
        assertThat(done.getJsonNumber("written").longValue()).isEqualTo(rows);
        assertThat(count("import_partitions WHERE import_id = " + id)).isEqualTo(3);
        assertThat(count("products WHERE sku LIKE '" + p + "%'")).isEqualTo(keys);
        assertThat(count("products WHERE sku LIKE '" + p + "%' AND import_line = " + "substring(sku from length('" + p
                        + "') + 1)::int + " + (rows - keys) + " + 2"))
                .as("every key holds its last line (file line = row + 2)")
                .isEqualTo(keys);
        assertThat(TestStack.value("SELECT price FROM products WHERE sku = '" + p + "7'"))
                .isEqualTo((rows - keys + 7) + ".50");
    }

    @Test
    void badLinesAreSkippedAndEachIsReportedWithItsLineNumber() throws Exception {
        String p = prefix();
        String file = "sku;name;price;stock\n" // line 1
                + p + "1;Good one;10,5;3\n" // 2
                + p + "2;\"broken \"quote\";1;1\n" // 3: text after a closing quote
                + p + "3;too;few\n" // 4: wrong column count
                + p + "4;Bad number;abc;1\n" // 5
                + ";Missing sku;1;1\n" // 6
                + p + "5;\"Quoted; with separator\nand newline\";2.5;4\n" // 7-8: good
                + p + "6;Missing price;;1\n" // 9
                + p + "7;Good two;1.234,50;7\n" // 10
                + p + "8;\"never closed;1;1\n" // 11: unterminated quote
                + p + "9;Last good;3;3\n"; // 12
        JsonObject done = awaitEnd(submit(file.getBytes(StandardCharsets.UTF_8), "profile", "products"));

        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getJsonNumber("read").longValue()).isEqualTo(10);
        assertThat(done.getJsonNumber("written").longValue()).isEqualTo(4);
        assertThat(done.getJsonNumber("skipped").longValue()).isEqualTo(6);
        assertThat(TestStack.value(
                        "SELECT string_agg(sku || '=' || price, ' ' ORDER BY sku) FROM products WHERE sku LIKE '" + p
                                + "%'"))
                .isEqualTo(p + "1=10.50 " + p + "5=2.50 " + p + "7=1234.50 " + p + "9=3.00");
        assertThat(TestStack.value("SELECT name FROM products WHERE sku = '" + p + "5'"))
                .isEqualTo("Quoted; with separator\nand newline");

        var errors = TestStack.send(TestStack.request("/api/imports/" + done.getJsonNumber("id") + "/errors")
                .setHeader("Accept", "text/csv")
                .GET()
                .build());
        assertThat(errors.statusCode()).isEqualTo(200);
        assertThat(errors.body())
                .startsWith("line,column,value,reason")
                .contains("3,,")
                .contains("text after a closing quote")
                .contains("4,,")
                .contains("expected 4 columns, found 3")
                .contains("5,price,abc,not a number")
                .contains("6,sku,,required")
                .contains("9,price,,required")
                .contains("11,,")
                .contains("unterminated quoted field");
        assertThat(errors.body().lines().count()).isEqualTo(7);
    }

    @Test
    void aWindows1250FileKeepsItsRomanianLettersInCommaBelowForm() throws Exception {
        String p = prefix();
        String file = "sku;name;brand;price\n" + p + "1;Şnur ţesut ăâî ŞŢĂÂÎ;Fabrică;9,99\n";
        JsonObject done = awaitEnd(submit(
                file.getBytes(Charset.forName("windows-1250")), "profile", "products", "encoding", "windows-1250"));

        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(TestStack.value("SELECT name || '|' || brand FROM products WHERE sku = '" + p + "1'"))
                .isEqualTo("Șnur țesut ăâî ȘȚĂÂÎ|Fabrică");
    }

    @Test
    void importingTheSameFileTwiceLeavesTheSameRowsAndRecordsOnlyRealChanges() throws Exception {
        String p = prefix();
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < 300; i++) {
            csv.append(p)
                    .append(i)
                    .append(",Item ")
                    .append(i)
                    .append(",B,C,")
                    .append(i + 1)
                    .append(",,5,19,,\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        JsonObject first = awaitEnd(submit(bytes, "profile", "products"));
        String before =
                TestStack.value("SELECT md5(string_agg(sku || name || price || stock, ',' ORDER BY sku)) FROM products"
                        + " WHERE sku LIKE '" + p + "%'");
        JsonObject second = awaitEnd(submit(bytes, "profile", "products"));

        assertThat(first.getString("status")).isEqualTo("COMPLETED");
        assertThat(second.getString("status")).isEqualTo("COMPLETED");
        assertThat(count("products WHERE sku LIKE '" + p + "%'")).isEqualTo(300);
        assertThat(TestStack.value(
                        "SELECT md5(string_agg(sku || name || price || stock, ',' ORDER BY sku)) FROM products"
                                + " WHERE sku LIKE '" + p + "%'"))
                .isEqualTo(before);
        assertThat(count("products WHERE sku LIKE '" + p + "%' AND import_id = " + second.getJsonNumber("id")))
                .isEqualTo(300);
        assertThat(count("catalog_changes WHERE key LIKE '" + p + "%'")).isZero();

        String changed = HEADER + p + "7,Item 7,B,C,99.90,,0,19,,\n";
        awaitEnd(submit(changed.getBytes(StandardCharsets.UTF_8), "profile", "products"));
        assertThat(TestStack.value("SELECT old_price || '>' || new_price || ' ' || old_stock || '>' || new_stock FROM"
                        + " catalog_changes WHERE key = '" + p + "7'"))
                .isEqualTo("8.00>99.90 5>0");
    }

    @Test
    void aStoppedImportRestartsFromItsCheckpointWithExactCounts() throws Exception {
        String p = prefix();
        int rows = 200_000;
        var out = new ByteArrayOutputStream(rows * 60);
        out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < rows; i++) {
            out.writeBytes((p + i + ",Product " + i + ",Brand,Category," + (i % 1000) + ".5,,3,19,,\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        JsonObject started = submit(out.toByteArray(), "profile", "products", "chunk", "200");
        long id = started.getJsonNumber("id").longValue();
        while (get(id).getJsonNumber("read").longValue() == 0) {
            Thread.sleep(100);
        }
        var stop = post("/api/imports/" + id + "/stop");
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
        JsonObject stopped = awaitEnd(started);
        assertThat(stopped.getString("status")).isEqualTo("STOPPED");
        long partial = count("products WHERE sku LIKE '" + p + "%'");
        assertThat(partial).isPositive().isLessThan(rows);
        assertThat(stopped.getJsonNumber("written").longValue()).isEqualTo(partial);

        var restart = post("/api/imports/" + id + "/restart");
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(200);
        JsonObject done = awaitEnd(Json.object(restart.body()));

        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getJsonNumber("executionId").longValue())
                .isNotEqualTo(stopped.getJsonNumber("executionId").longValue());
        assertThat(done.getJsonNumber("read").longValue()).isEqualTo(rows);
        assertThat(done.getJsonNumber("written").longValue()).isEqualTo(rows);
        assertThat(count("products WHERE sku LIKE '" + p + "%'")).isEqualTo(rows);
    }

    @Test
    void aChunkEndsAtItsByteBudgetSoAFailureKeepsTheChunksBeforeIt() throws Exception {
        String p = prefix();
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < 1000; i++) {
            csv.append(p).append(i).append(",Product ").append(i).append(",Brand,Category,4.50,,1,19,,\n");
        }
        for (int i = 0; i < 20; i++) {
            csv.append(p).append("bad").append(i).append(",Item,B,C,not-a-price,,1,19,,\n");
        }
        // 100,000 records a chunk would take the whole file; 4 KiB takes about 80 of these lines
        JsonObject failed = awaitEnd(submit(
                csv.toString().getBytes(StandardCharsets.UTF_8),
                "profile",
                "products",
                "chunk",
                "100000",
                "chunkBytes",
                "4096",
                "maxErrors",
                "5"));

        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("exitStatus")).contains("too many bad lines");
        long kept = count("products WHERE sku LIKE '" + p + "%'");
        // the chunks before the one that passed the limit are committed, that one is not
        assertThat(kept).isGreaterThan(900).isLessThanOrEqualTo(1000);
        assertThat(failed.getJsonNumber("written").longValue()).isEqualTo(kept);
        long skipped = failed.getJsonNumber("skipped").longValue();
        assertThat(skipped).isLessThanOrEqualTo(5); // bad lines of a committed chunk, if it took some
        assertThat(failed.getJsonNumber("read").longValue()).isEqualTo(kept + skipped);
        assertThat(count("products WHERE sku LIKE '" + p + "bad%'")).isZero();
    }

    @Test
    void aMostlyBrokenFileFailsTheJobAndBadRequestsAreProblems() throws Exception {
        String p = prefix();
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < 20; i++) {
            csv.append(p).append(i).append(",Item,B,C,not-a-price,,1,19,,\n");
        }
        JsonObject failed = awaitEnd(
                submit(csv.toString().getBytes(StandardCharsets.UTF_8), "profile", "products", "maxErrors", "5"));
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("exitStatus")).contains("too many bad lines");

        JsonObject noKey =
                awaitEnd(submit("name,price\nX,1\n".getBytes(StandardCharsets.UTF_8), "profile", "products"));
        assertThat(noKey.getString("status")).isEqualTo("FAILED");
        assertThat(noKey.getString("exitStatus")).contains("maps to 'sku'");

        var unknownProfile = upload(HEADER.getBytes(StandardCharsets.UTF_8), "profile", "no-such-profile");
        assertThat(unknownProfile.statusCode()).isEqualTo(400);
        assertThat(unknownProfile.body()).contains("no import profile named 'no-such-profile'");
        var badOption = upload(HEADER.getBytes(StandardCharsets.UTF_8), "profile", "products", "encoding", "EBCDIC");
        assertThat(badOption.statusCode()).isEqualTo(400);
        assertThat(badOption.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(TestStack.send(TestStack.request("/api/imports/987654321")
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(404);
    }

    private static String prefix() {
        return "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    private static JsonObject submit(byte[] file, String... fields) throws IOException {
        var response = upload(file, fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.object(response.body());
    }

    /** A multipart/form-data upload: the given name/value fields, then the file part. */
    private static HttpResponse<String> upload(byte[] file, String... fields) throws IOException {
        String boundary = "----runner" + UUID.randomUUID();
        var body = new ByteArrayOutputStream(file.length + 1024);
        for (int i = 0; i < fields.length; i += 2) {
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                            + fields[i + 1] + "\r\n");
        }
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"supplier.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n");
        body.write(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return TestStack.send(TestStack.request("/api/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String path) {
        return TestStack.send(
                TestStack.request(path).POST(BodyPublishers.noBody()).build());
    }

    private static JsonObject get(long id) {
        return Json.object(
                TestStack.send(TestStack.request("/api/imports/" + id).GET().build())
                        .body());
    }

    private static JsonObject awaitEnd(JsonObject submitted) throws InterruptedException {
        long id = submitted.getJsonNumber("id").longValue();
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
