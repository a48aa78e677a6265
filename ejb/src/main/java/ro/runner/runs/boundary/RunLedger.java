package ro.runner.runs.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import ro.runner.runs.control.RunMetrics;
import ro.runner.runs.entity.Run;
import ro.runner.runs.entity.RunKind;
import ro.runner.runs.entity.RunStatus;
import ro.runner.runs.entity.Tags;

/**
 * Writes the ledger in transactions of its own, so a run's row survives the rollback of the work it
 * describes: a failed run is recorded as failed, never lost with the failure.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunLedger {

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primaryPool;

    @Inject
    RunMetrics metrics;

    public long start(RunKind kind, String name, Tags tags, String correlation, int attempts) {
        return start(kind, name, tags, correlation, attempts, Instant.now());
    }

    public long start(RunKind kind, String name, Tags tags, String correlation, int attempts, Instant startedAt) {
        var run = new Run(kind, name, tags, correlation, attempts, startedAt);
        primary.persist(run);
        primary.flush();
        return run.getId();
    }

    public void succeed(long id, String summary) {
        Run run = primary.find(Run.class, id);
        run.succeed(summary, Instant.now());
        metrics.finished(run);
    }

    public void fail(long id, RunStatus status, Throwable cause) {
        Run run = primary.find(Run.class, id);
        run.fail(status, cause, Instant.now());
        metrics.finished(run);
    }

    /**
     * Records messages handled together as SUCCEEDED, one row each, in one statement and in the
     * caller's transaction: the rows commit with the work they describe (a batch that fails leaves
     * no row; its messages are then handled one by one, each with its own ledger row).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void succeededAll(RunKind kind, String name, List<Handled> handled, Instant startedAt) {
        Instant now = Instant.now();
        long durationMs = Duration.between(startedAt, now).toMillis();
        int n = handled.size();
        String[] tags = new String[n], correlations = new String[n];
        Integer[] attempts = new Integer[n];
        for (int i = 0; i < n; i++) {
            tags[i] = handled.get(i).tags().toString();
            correlations[i] = handled.get(i).correlation();
            attempts[i] = handled.get(i).attempt();
        }
        try (Connection db = primaryPool.getConnection();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO runs (kind, name, status, started_at, ended_at, duration_ms, attempts, correlation, tags)"
                                + " SELECT ?, ?, 'SUCCEEDED', ?, ?, ?, a, c, t"
                                + " FROM unnest(?::int[], ?::text[], ?::text[]) AS v(a, c, t)")) {
            insert.setString(1, kind.name());
            insert.setString(2, name);
            insert.setObject(3, startedAt.atOffset(ZoneOffset.UTC));
            insert.setObject(4, now.atOffset(ZoneOffset.UTC));
            insert.setLong(5, durationMs);
            insert.setArray(6, db.createArrayOf("int", attempts));
            insert.setArray(7, db.createArrayOf("text", correlations));
            insert.setArray(8, db.createArrayOf("text", tags));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + n + " runs of " + name + ": " + e.getMessage(), e);
        }
        metrics.finished(kind, name, RunStatus.SUCCEEDED, durationMs, n);
    }

    /** One message of a batch: its tags, correlation and attempt number. */
    public record Handled(Tags tags, String correlation, int attempt) {}

    /** Records a message that failed its last attempt, with what is needed to send it again. */
    public void dead(long id, Throwable cause, String destination, String payload) {
        Run run = primary.find(Run.class, id);
        run.fail(RunStatus.DEAD, cause, Instant.now());
        run.keepMessage(destination, payload);
        metrics.finished(run);
    }
}
