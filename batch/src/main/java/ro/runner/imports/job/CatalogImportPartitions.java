package ro.runner.imports.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Splits a catalogue file into byte ranges that each start at a record, one partition each, so that
 * one partition's database work overlaps another's (on two cores a single chunk loop left one idle
 * while PostgreSQL ran the upsert). The boundaries are found by passing over the records the way
 * the readers will read them ({@link CsvFile#skip()}, no decoding), so a quoted newline is never
 * taken for a record's end. The ranges are stored in {@code import_partitions} when the file is
 * first mapped; a restart maps the stored ones again, and each partition resumes from the progress
 * its committed chunks recorded there (the runtime's own partition checkpoints are not used: after a
 * kill -9 this runtime has no partition count to restart them by).
 *
 * <p>Partitions: the {@code partitions} parameter, else one per processor up to {@value #MAX},
 * with at least {@value #MIN_BYTES} bytes of the file each (a small file is one partition).
 */
@Dependent
@Named("catalogImportPartitions")
public class CatalogImportPartitions implements PartitionMapper {

    private static final Logger LOG = Logger.getLogger(CatalogImportPartitions.class.getName());
    static final int MAX = 4;
    static final long MIN_BYTES = 1 << 20;

    @Inject
    @BatchProperty
    String importId;

    @Inject
    @BatchProperty
    String file;

    @Inject
    @BatchProperty
    String profile;

    @Inject
    @BatchProperty
    String separator;

    @Inject
    @BatchProperty
    String encoding;

    @Inject
    @BatchProperty
    String partitions;

    @Inject
    JobContext job;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Override
    public PartitionPlan mapPartitions() throws IOException, SQLException {
        try {
            return plan();
        } catch (IllegalArgumentException | IOException e) {
            job.setExitStatus("cannot read the file: " + e); // shown with the import, not only in the log
            throw e;
        }
    }

    private PartitionPlan plan() throws IOException, SQLException {
        var path = Path.of(file);
        var input = ImportFile.open(primary, profile, separator, encoding, path);
        long id = Long.parseLong(importId);
        int n = stored(id);
        if (n == 0) {
            n = store(id, input, Files.size(path));
        }
        var plan = new PartitionPlanImpl();
        var properties = new Properties[n];
        for (int i = 0; i < n; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("partition", Integer.toString(i));
        }
        plan.setPartitions(n);
        plan.setThreads(n);
        plan.setPartitionProperties(properties);
        plan.setPartitionsOverride(true); // each partition resumes from its import_partitions row
        return plan;
    }

    private int stored(long id) throws SQLException {
        try (var connection = primary.getConnection();
                var select =
                        connection.prepareStatement("SELECT count(*) FROM import_partitions WHERE import_id = ?")) {
            select.setLong(1, id);
            try (var row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private int store(long id, ImportFile input, long size) throws IOException, SQLException {
        int wanted = partitions == null || partitions.isBlank()
                ? Math.min(MAX, Runtime.getRuntime().availableProcessors())
                : Integer.parseInt(partitions.strip());
        long body = size - input.afterHeader().offset();
        int n = (int) Math.max(1, Math.min(wanted, body / MIN_BYTES));
        var starts = boundaries(input, n, size);
        try (var connection = primary.getConnection();
                var insert = connection.prepareStatement("INSERT INTO import_partitions (import_id, partition_no,"
                        + " start_offset, start_line, end_offset, next_offset, last_line) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            for (int i = 0; i < starts.size(); i++) {
                var start = starts.get(i);
                insert.setLong(1, id);
                insert.setInt(2, i);
                insert.setLong(3, start.offset());
                insert.setLong(4, start.line());
                if (i + 1 < starts.size()) {
                    insert.setLong(5, starts.get(i + 1).offset());
                } else {
                    insert.setNull(5, java.sql.Types.BIGINT);
                }
                insert.setLong(6, start.offset());
                insert.setLong(7, start.line());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        LOG.info(() -> "import " + id + ", " + file + ": " + starts.size() + " partitions starting at " + starts);
        return starts.size();
    }

    /**
     * The first record of each partition: the header's end, then the first record starting at or
     * after each further i/n of the file (fewer partitions if records are that long).
     */
    static List<LinePosition> boundaries(ImportFile input, int n, long size) throws IOException {
        var starts = new ArrayList<LinePosition>();
        starts.add(input.afterHeader());
        if (n == 1) {
            return starts;
        }
        long first = input.afterHeader().offset();
        try (var csv = input.from(input.afterHeader())) {
            for (int i = 1; i < n; i++) {
                long target = first + (size - first) * i / n;
                while (csv.offset() < target && csv.skip()) {
                    // passing over records up to the target
                }
                if (csv.offset() >= size) {
                    break;
                }
                if (csv.offset() > starts.get(starts.size() - 1).offset()) {
                    starts.add(new LinePosition(csv.line(), csv.offset()));
                }
            }
        }
        return starts;
    }
}
