package ro.runner.imports.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ro.runner.runs.boundary.InterruptedJobs;

/**
 * At startup, an import whose execution a killed server left running shows FAILED with the reason,
 * so it can be restarted (POST /api/imports/{id}/restart resumes from its last committed chunk).
 */
@Singleton
@Startup
@DependsOn("InterruptedJobs")
public class InterruptedImports {

    private static final Logger LOG = Logger.getLogger(InterruptedImports.class.getName());

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @EJB
    InterruptedJobs jobs;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void markInterrupted() {
        var executions = jobs.failed();
        if (executions.isEmpty()) {
            return;
        }
        try (var connection = primary.getConnection();
                var update = connection.prepareStatement("UPDATE imports SET status = 'FAILED', exit_status = ?,"
                        + " ended_at = now() WHERE execution_id = ANY (?) AND status IN ('SUBMITTED', 'STARTED')")) {
            update.setString(1, InterruptedJobs.EXIT_STATUS);
            update.setArray(2, connection.createArrayOf("bigint", executions.toArray()));
            int marked = update.executeUpdate();
            LOG.warning(() -> marked + " import(s) interrupted by a stopped server marked FAILED");
        } catch (SQLException e) {
            LOG.severe(() -> "Could not mark interrupted imports FAILED: " + e);
        }
    }
}
