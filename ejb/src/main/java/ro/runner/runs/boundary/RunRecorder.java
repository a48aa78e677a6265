package ro.runner.runs.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import ro.runner.runs.entity.RunKind;
import ro.runner.runs.entity.RunStatus;
import ro.runner.runs.entity.Tags;

/**
 * The boundary every background execution goes through to appear in the run ledger: it opens a
 * RUNNING row, does the work in the caller's transaction context, and closes the row SUCCEEDED or
 * FAILED. The work's own exception is rethrown unchanged.
 */
@ApplicationScoped
public class RunRecorder {

    @Inject
    RunLedger ledger;

    public <T> T record(RunKind kind, String name, Tags tags, Callable<T> work) throws Exception {
        long id = ledger.start(kind, name, tags, null, 1);
        try {
            T result = work.call();
            ledger.succeed(id, result == null ? null : String.valueOf(result));
            return result;
        } catch (Exception | Error e) {
            ledger.fail(id, RunStatus.FAILED, e);
            throw e;
        }
    }
}
