package ro.runner.imports.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Writes a chunk inside the chunk's transaction: the good rows are COPied into the session's
 * temporary staging table (pgjdbc's CopyManager on the pooled connection), then one INSERT … SELECT
 * … ON CONFLICT DO UPDATE keyed by sku/VIN upserts them and records price and stock changes; one
 * insert of every rejection, one update of the import's counters guarded by the partition's progress.
 * A chunk processed again after a crash therefore changes nothing twice.
 * When the rejections pass the limit the chunk fails, and with it the job.
 */
@Dependent
@Named("catalogImportWriter")
public class CatalogImportWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(CatalogImportWriter.class.getName());

    private static final String ERRORS =
            "INSERT INTO import_errors (import_id, line_number, column_name, value, reason)"
                    + " SELECT ?, * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING";
    /**
     * The chunk's counts go into the import's totals only if the chunk moves its partition forward
     * (a chunk done again after a crash does not), in the chunk's transaction; the totals returned
     * include every other partition's committed chunks.
     */
    private static final String COUNTERS = "WITH progress AS (UPDATE import_partitions SET next_offset = ?,"
            + " last_line = ? WHERE import_id = ? AND partition_no = ? AND next_offset < ? RETURNING 1)"
            + " UPDATE imports SET read_count = read_count + ?, written_count = written_count + ?,"
            + " skipped_count = skipped_count + ?, last_line = greatest(last_line, ?), bytes_done = bytes_done + ?"
            + " WHERE id = ? AND EXISTS (SELECT FROM progress) RETURNING read_count, written_count, skipped_count";

    @Inject
    @BatchProperty
    String importId;

    @Inject
    @BatchProperty
    String maxErrors;

    @Inject
    @BatchProperty
    String maxErrorPercent;

    /** Which partition of the file this writer's chunks come from. */
    @Inject
    @BatchProperty
    String partition;

    /** A partition's exit status is its step's; CatalogImportStatus hands a failure's to the job. */
    @Inject
    StepContext step;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    private final Timings timings = new Timings();

    @Override
    public void open(Serializable checkpoint) {
        timings.open();
    }

    @Override
    public void close() {
        LOG.info(() -> "import " + importId + ": " + timings);
    }

    @Override
    public void writeItems(List<Object> items) throws SQLException {
        timings.chunk(items.size());
        var first = (Checked) items.get(0);
        var last = (Checked) items.get(items.size() - 1);
        int width = last.target().columns.size();
        var rows = new LinkedHashMap<String, String[]>();
        var rejections = new ArrayList<Rejection>();
        long skipped = 0;
        for (Object item : items) {
            var checked = (Checked) item;
            if (checked.row() != null) {
                String[] values = checked.target().rows.values(checked.row());
                values[width] = checked.attributes();
                values[width + 1] = Long.toString(checked.line());
                rows.put(values[0], values); // the key comes first; a later line with the same key wins
            } else {
                skipped++;
                rejections.addAll(checked.rejections());
            }
        }
        long id = Long.parseLong(importId);
        try (var connection = primary.getConnection()) {
            if (!rows.isEmpty()) {
                upsert(connection, last.target(), id, rows.values());
            }
            timings.mark(Timings.UPSERT);
            if (!rejections.isEmpty()) {
                reject(connection, id, rejections);
            }
            count(connection, id, items.size(), items.size() - skipped, skipped, first, last);
            timings.mark(Timings.OTHER);
        }
    }

    private void upsert(Connection connection, Target target, long id, Collection<String[]> rows) throws SQLException {
        try (var prepare = connection.createStatement()) {
            // The chunk's commit need not wait for its WAL flush: the reader's checkpoint commits in
            // the same transaction on the same database, so a PostgreSQL crash that loses the last
            // chunks loses their checkpoint with them, and the restart redoes exactly those. No JIT:
            // the upsert's estimated cost crosses jit_above_cost, and compiling it took ~15 ms per
            // chunk for a statement that runs once. No sequential scans: planned while the table is
            // empty (the first import after a VACUUM), the old-value lookup scans the whole table
            // once per row it looks up, and the table grows under it with the other partition's
            // rows (a first chunk's upsert took 218 s instead of 0.3 s when every staged row was
            // looked up; now only updated rows are, such as a key both partitions carry). The key's
            // index is always the right way to look a row up; the staging table has no index and
            // is scanned anyway.
            prepare.execute(target.createStage
                    + "; SET LOCAL synchronous_commit TO off; SET LOCAL jit TO off; SET LOCAL enable_seqscan TO off");
        }
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + target.stage + " FROM STDIN", CopyText.of(rows));
        } catch (IOException e) {
            throw new SQLException("cannot copy the chunk into " + target.stage, e);
        }
        timings.mark(Timings.COPY);
        try (var statement = connection.prepareStatement(target.upsert)) {
            statement.setLong(1, id);
            statement.setLong(2, id);
            statement.executeUpdate();
        }
    }

    private static void reject(Connection connection, long id, List<Rejection> rejections) throws SQLException {
        int n = rejections.size();
        var lines = new Long[n];
        var columns = new String[n];
        var values = new String[n];
        var reasons = new String[n];
        for (int i = 0; i < n; i++) {
            var rejection = rejections.get(i);
            lines[i] = rejection.line();
            columns[i] = rejection.column() == null ? "" : rejection.column();
            values[i] = cut(rejection.value(), 1000);
            reasons[i] = cut(rejection.reason(), 500);
        }
        try (var statement = connection.prepareStatement(ERRORS)) {
            statement.setLong(1, id);
            statement.setArray(2, connection.createArrayOf("bigint", lines));
            statement.setArray(3, connection.createArrayOf("text", columns));
            statement.setArray(4, connection.createArrayOf("text", values));
            statement.setArray(5, connection.createArrayOf("text", reasons));
            statement.executeUpdate();
        }
    }

    private void count(
            Connection connection, long id, long read, long written, long skipped, Checked first, Checked last)
            throws SQLException {
        try (var statement = connection.prepareStatement(COUNTERS)) {
            statement.setLong(1, last.nextOffset());
            statement.setLong(2, last.lastLine());
            statement.setLong(3, id);
            statement.setInt(4, Integer.parseInt(partition.strip()));
            statement.setLong(5, last.nextOffset());
            statement.setLong(6, read);
            statement.setLong(7, written);
            statement.setLong(8, skipped);
            statement.setLong(9, last.lastLine());
            statement.setLong(10, last.nextOffset() - first.offset());
            statement.setLong(11, id);
            try (var totals = statement.executeQuery()) {
                if (totals.next()) {
                    check(totals.getLong(1), totals.getLong(2), totals.getLong(3));
                }
            }
        }
    }

    private void check(long read, long written, long skipped) {
        String status = "read " + read + ", written " + written + ", skipped " + skipped;
        step.setExitStatus(status);
        long limit = parse(maxErrors, Long.MAX_VALUE);
        long percent = parse(maxErrorPercent, 50);
        if (skipped > limit || (read >= 100 && skipped * 100 > percent * read)) {
            String failure = "too many bad lines (" + status + "; limit " + (limit == Long.MAX_VALUE ? "none" : limit)
                    + " lines or " + percent + " %)";
            step.setExitStatus(failure);
            throw new IllegalStateException(failure);
        }
    }

    private static long parse(String value, long otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        return Long.parseLong(value.strip());
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
