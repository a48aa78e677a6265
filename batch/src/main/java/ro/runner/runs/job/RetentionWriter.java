package ro.runner.runs.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;

/**
 * Appends each chunk to the archive as one gzip member (a file of concatenated members is one valid
 * gzip stream) and deletes the chunk's runs in the chunk's transaction. Its checkpoint is the
 * archive's length: on restart it truncates whatever a failed chunk appended, so the archive holds
 * each deleted run once.
 */
@Dependent
@Named("retentionWriter")
public class RetentionWriter extends AbstractItemWriter {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().build();

    @Inject
    JobContext job;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    private Path archive;
    private long archived;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        archive = archiveOf(job.getInstanceId());
        Files.createDirectories(archive.getParent());
        long length = checkpoint instanceof Long committed ? committed : 0L;
        try (var file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.setLength(length);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) throws IOException, SQLException {
        boolean first = Files.size(archive) == 0;
        try (var out = new OutputStreamWriter(
                        new GZIPOutputStream(Files.newOutputStream(archive, StandardOpenOption.APPEND)),
                        StandardCharsets.UTF_8);
                var printer = CSV.print(out)) {
            if (first) {
                printer.printRecord(RetentionReader.COLUMNS);
            }
            for (Object item : items) {
                printer.printRecord((List<String>) item);
            }
        }
        Long[] ids =
                items.stream().map(i -> Long.valueOf(((List<String>) i).get(0))).toArray(Long[]::new);
        try (var connection = primary.getConnection();
                var delete = connection.prepareStatement("DELETE FROM runs WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids));
            delete.executeUpdate();
        }
        archived += items.size();
        job.setExitStatus("archived " + archived + " runs to " + archive);
    }

    @Override
    public Serializable checkpointInfo() throws IOException {
        return Files.size(archive);
    }

    /** The archive of one job instance: a restart appends to the same file. */
    static Path archiveOf(long instanceId) {
        String dataDir = System.getProperty("runner.data.dir", System.getProperty("java.io.tmpdir") + "/runner");
        return Path.of(dataDir, "archive", "runs-retention-" + instanceId + ".csv.gz");
    }
}
