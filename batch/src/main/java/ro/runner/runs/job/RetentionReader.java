package ro.runner.runs.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads runs older than the cut-off in id order, a page at a time (keyset paging, so each page is
 * an index range scan however far the job has come).
 */
@Dependent
@Named("retentionReader")
public class RetentionReader extends AbstractItemReader {

    static final List<String> COLUMNS = List.of(
            "id",
            "kind",
            "name",
            "status",
            "started_at",
            "ended_at",
            "duration_ms",
            "attempts",
            "error",
            "summary",
            "correlation",
            "tags");
    private static final String PAGE =
            "SELECT " + String.join(", ", COLUMNS) + " FROM runs WHERE started_at < ? AND id > ? ORDER BY id LIMIT ?";
    private static final int PAGE_SIZE = 1000;

    @Inject
    @BatchProperty
    String days;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    private Instant cutoff;
    private long lastId;
    private final Deque<List<String>> page = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        if (checkpoint instanceof RetentionPosition position) {
            cutoff = position.cutoff();
            lastId = position.lastId();
        } else {
            cutoff = Instant.now().minus(Duration.ofDays(parseDays(days)));
        }
    }

    @Override
    public Object readItem() throws SQLException {
        if (page.isEmpty()) {
            fetchAfter(lastId);
        }
        List<String> run = page.poll();
        if (run != null) {
            lastId = Long.parseLong(run.get(0));
        }
        return run;
    }

    @Override
    public Serializable checkpointInfo() {
        return new RetentionPosition(cutoff, lastId);
    }

    private void fetchAfter(long id) throws SQLException {
        try (var connection = primary.getConnection();
                var statement = connection.prepareStatement(PAGE)) {
            statement.setTimestamp(1, Timestamp.from(cutoff));
            statement.setLong(2, id);
            statement.setInt(3, PAGE_SIZE);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var row = new ArrayList<String>(COLUMNS.size());
                    for (int i = 1; i <= COLUMNS.size(); i++) {
                        row.add(rows.getString(i));
                    }
                    page.add(row);
                }
            }
        }
    }

    static int parseDays(String days) {
        try {
            int value = Integer.parseInt(days.trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "the job parameter 'days' is a whole number of days >= 1, got '" + days + "'");
        }
    }
}
