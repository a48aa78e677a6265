package ro.runner.runs.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ro.runner.runs.boundary.RunLedger;
import ro.runner.runs.entity.RunKind;
import ro.runner.runs.entity.RunStatus;
import ro.runner.runs.entity.Tags;

/**
 * Records every job execution in the run ledger: RUNNING when it starts, then SUCCEEDED with its
 * exit status, or FAILED when it fails or is stopped. Every job lists this listener.
 */
@Dependent
@Named("runLedgerJobListener")
public class RunLedgerJobListener extends AbstractJobListener {

    @Inject
    JobContext job;

    /** Optional: the marketplace account a job works for, tagged so status pages find its runs. */
    @Inject
    @BatchProperty
    String account;

    @EJB
    RunLedger ledger;

    @Override
    public void beforeJob() {
        Tags tags = Tags.of("execution", job.getExecutionId()).and("instance", job.getInstanceId());
        if (account != null && !account.isBlank()) {
            tags = tags.and("account", account);
        }
        long run = ledger.start(RunKind.BATCH, job.getJobName(), tags, String.valueOf(job.getExecutionId()), 1);
        job.setTransientUserData(run);
    }

    @Override
    public void afterJob() {
        if (!(job.getTransientUserData() instanceof Long run)) {
            return;
        }
        // The runtime calls afterJob before it sets the final status: a job that ran to its end is
        // still STARTED here, a stopped one STOPPING, a failed one FAILED.
        BatchStatus status = job.getBatchStatus();
        if (status == BatchStatus.STARTED || status == BatchStatus.COMPLETED) {
            ledger.succeed(run, job.getExitStatus());
        } else {
            String what = status == BatchStatus.STOPPING || status == BatchStatus.STOPPED ? "stopped" : "failed";
            ledger.fail(
                    run,
                    RunStatus.FAILED,
                    new IllegalStateException(
                            "job " + what + (job.getExitStatus() == null ? "" : ": " + job.getExitStatus())));
        }
    }
}
