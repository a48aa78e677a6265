package ro.runner.runs.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Marks FAILED, at startup, the batch executions a killed server left STARTING, STARTED or STOPPING
 * in the job repository: Payara's batch runtime never revisits them, so after a kill -9 they would
 * read as running forever (the console, {@code asadmin list-batch-job-executions}). Only executions
 * created before this JVM started are touched, so one still running from an earlier deployment in
 * this JVM is left alone. Their checkpoint is kept: {@code JobOperator.restart} then resumes from the
 * last committed chunk. Run-ledger rows the killed server left RUNNING are FAILED the same way. The
 * repository is assumed to serve this server alone (as Runner deploys it);
 * with several servers on one repository this would also fail the executions of the others.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class InterruptedJobs {

    private static final Logger LOG = Logger.getLogger(InterruptedJobs.class.getName());
    public static final String EXIT_STATUS = "interrupted: the server stopped while it ran (marked at the next start)";

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    private List<Long> failed = List.of();

    // plain auto-commit statements; the attribute is on the callback (Payara ignores a class-level one there)
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void markInterrupted() {
        var jvmStarted = new Timestamp(ManagementFactory.getRuntimeMXBean().getStartTime());
        try (var connection = primary.getConnection()) {
            markInterruptedRuns(connection, jvmStarted);
            try (var exists = connection
                    .createStatement()
                    .executeQuery("SELECT to_regclass('executioninstancedata') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return; // no batch job has run on this database yet
                }
            }
            var ids = new ArrayList<Long>();
            try (var update = connection.prepareStatement(
                    "UPDATE executioninstancedata SET batchstatus = 'FAILED',"
                            + " exitstatus = ?, endtime = localtimestamp, updatetime = localtimestamp"
                            + " WHERE batchstatus IN ('STARTING', 'STARTED', 'STOPPING') AND createtime < ? RETURNING jobexecid")) {
                update.setString(1, EXIT_STATUS);
                update.setTimestamp(2, jvmStarted);
                try (var rows = update.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            try (var steps = connection.prepareStatement("UPDATE stepexecutioninstancedata SET batchstatus = 'FAILED',"
                    + " exitstatus = ?, endtime = localtimestamp WHERE jobexecid = ANY (?)"
                    + " AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')")) {
                steps.setString(1, EXIT_STATUS);
                steps.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                steps.executeUpdate();
            }
            failed = List.copyOf(ids);
            LOG.warning(() -> "Batch executions " + ids + " were left running by a stopped server: marked FAILED"
                    + " (restartable from their last checkpoint)");
        } catch (SQLException e) {
            LOG.severe(() -> "Could not mark interrupted batch executions FAILED: " + e);
        }
    }

    /**
     * Run-ledger rows still RUNNING that started before this JVM (a job execution, a timer, a message
     * the killed server was handling) can never end: they are FAILED with the same reason. A message
     * is delivered again by the broker and opens a row of its own; a job execution restarts as a new
     * execution with its own row.
     */
    private static void markInterruptedRuns(java.sql.Connection connection, Timestamp jvmStarted) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE runs SET status = 'FAILED', error = ?, ended_at = now(),"
                + " duration_ms = (extract(epoch FROM now() - started_at) * 1000)::bigint"
                + " WHERE status = 'RUNNING' AND started_at < ?")) {
            update.setString(1, EXIT_STATUS);
            update.setTimestamp(2, jvmStarted);
            int runs = update.executeUpdate();
            if (runs > 0) {
                LOG.warning(() -> runs + " run-ledger rows were left RUNNING by a stopped server: marked FAILED");
            }
        }
    }

    /** The executions this start marked FAILED. */
    public List<Long> failed() {
        return failed;
    }
}
