package ro.runner.imports.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.TestStack;

/**
 * Files dropped into the inbox folder (the default one, under the domain's data folder) are imported
 * by the imports-inbox schedule with the profile their name starts with, or the default one, and
 * filed under processed/ or failed/ by the next scan once their import has ended.
 */
@ExtendWith(ArquillianExtension.class)
class ImportInboxIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void droppedFilesAreImportedWithTheProfileOfTheirNameThenFiled() throws Exception {
        Path inbox = Path.of(TestStack.get("RUNNER_BASE"), "data", "imports", "inbox");
        Files.createDirectories(inbox);
        String p = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var products = new StringBuilder("sku,name,price,stock\n");
        for (int i = 0; i < 1200; i++) {
            products.append("IN")
                    .append(p)
                    .append('-')
                    .append(i)
                    .append(",Item ")
                    .append(i)
                    .append(",1.5,2\n");
        }
        var vehicles = new StringBuilder("vin,make,model,year\n");
        for (int i = 0; i < 30; i++) {
            vehicles.append(p).append("%09d".formatted(i)).append(",Dacia,Logan,2020\n");
        }
        String productsFile = "supplier-" + p + ".csv";
        String vehiclesFile = "vehicles-" + p + ".csv";
        String brokenFile = "broken-" + p + ".csv";
        drop(inbox, productsFile, products.toString());
        drop(inbox, vehiclesFile, vehicles.toString());
        drop(inbox, brokenFile, "name,price\nX,1\n");
        drop(inbox, "." + p + ".part", "sku,name,price\n");

        runInbox(); // the schedule's own timer may scan first: what is checked is the outcome, not who did it
        awaitEnded(productsFile, vehiclesFile, brokenFile);
        runInbox();

        assertThat(count("imports WHERE file_name IN ('" + productsFile + "', '" + vehiclesFile + "', '" + brokenFile
                        + "')"))
                .as("each file imported once")
                .isEqualTo(3);
        assertThat(count("products WHERE sku LIKE 'IN" + p + "-%'")).isEqualTo(1200);
        assertThat(count("vehicles WHERE vin LIKE '" + p + "%'")).isEqualTo(30);
        assertThat(TestStack.value(
                        "SELECT profile || ' ' || status FROM imports WHERE file_name = '" + vehiclesFile + "'"))
                .isEqualTo("vehicles COMPLETED");
        assertThat(TestStack.value("SELECT status FROM imports WHERE file_name = '" + brokenFile + "'"))
                .isEqualTo("FAILED");
        assertThat(inbox.resolve("processed").resolve(productsFile)).exists();
        assertThat(inbox.resolve("processed").resolve(vehiclesFile)).exists();
        assertThat(inbox.resolve("failed").resolve(brokenFile)).exists();
        assertThat(inbox.resolve("processing").resolve(productsFile)).doesNotExist();
        assertThat(inbox.resolve(productsFile)).doesNotExist();
        assertThat(inbox.resolve("." + p + ".part"))
                .as("a file still being written is left")
                .exists();
        assertThat(TestStack.value("SELECT file_path FROM imports WHERE file_name = '" + productsFile + "'"))
                .isEqualTo(inbox.resolve("processed").resolve(productsFile).toString());
        Files.delete(inbox.resolve("." + p + ".part"));
    }

    /** Written under a temporary name, then renamed, as a supplier's transfer should; dated a minute back. */
    private static void drop(Path inbox, String name, String content) throws Exception {
        Path part = inbox.resolve(name.startsWith(".") ? name : name + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minusSeconds(60)));
        if (!part.getFileName().toString().equals(name)) {
            Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void runInbox() {
        var response = TestStack.runSchedule("imports-inbox");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static void awaitEnded(String... files) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        String names = "'" + String.join("','", files) + "'";
        while (count("imports WHERE file_name IN (" + names + ") AND status IN ('COMPLETED', 'FAILED', 'STOPPED')")
                        < files.length
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
    }

    private static long count(String from) throws SQLException {
        return TestStack.count("SELECT count(*) FROM " + from);
    }
}
