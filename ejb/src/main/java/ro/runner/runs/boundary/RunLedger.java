package ro.runner.runs.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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

    @Inject
    RunMetrics metrics;

    public long start(RunKind kind, String name, Tags tags, String correlation, int attempts) {
        var run = new Run(kind, name, tags, correlation, attempts, Instant.now());
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

    /** Records a message that failed its last attempt, with what is needed to send it again. */
    public void dead(long id, Throwable cause, String destination, String payload) {
        Run run = primary.find(Run.class, id);
        run.fail(RunStatus.DEAD, cause, Instant.now());
        run.keepMessage(destination, payload);
        metrics.finished(run);
    }
}
