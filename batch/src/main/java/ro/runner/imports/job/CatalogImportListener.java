package ro.runner.imports.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Keeps the imports row in step with its executions: which one is current, and how it ended. */
@Dependent
@Named("catalogImportListener")
public class CatalogImportListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    JobContext job;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Override
    public void beforeJob() throws SQLException {
        update(
                "UPDATE imports SET execution_id = ?, status = 'STARTED', exit_status = NULL,"
                        + " started_at = coalesce(started_at, now()), ended_at = NULL WHERE id = ?",
                job.getExecutionId());
    }

    @Override
    public void afterJob() throws SQLException {
        // afterJob runs before the runtime sets the final status: a completed job is still STARTED.
        BatchStatus status = job.getBatchStatus();
        String ended =
                switch (status) {
                    case STARTED, COMPLETED -> "COMPLETED";
                    case STOPPING, STOPPED -> "STOPPED";
                    default -> "FAILED";
                };
        // a job without a reason of its own (set by the mapper or a failed partition) ends with its
        // totals, which every partition's chunks added to the row
        try (var connection = primary.getConnection();
                var statement = connection.prepareStatement("UPDATE imports SET status = ?, exit_status = coalesce(?,"
                        + " format('read %s, written %s, skipped %s', read_count, written_count, skipped_count)),"
                        + " ended_at = now() WHERE id = ? RETURNING exit_status")) {
            statement.setString(1, ended);
            statement.setString(2, job.getExitStatus());
            statement.setLong(3, Long.parseLong(importId));
            try (var row = statement.executeQuery()) {
                if (row.next()) {
                    job.setExitStatus(row.getString(1));
                }
            }
        }
    }

    private void update(String sql, long execution) throws SQLException {
        try (var connection = primary.getConnection();
                var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, execution);
            statement.setLong(2, Long.parseLong(importId));
            statement.executeUpdate();
        }
    }
}
