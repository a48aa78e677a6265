package ro.runner.runs.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import ro.runner.runs.boundary.BatchJobs;
import ro.runner.runs.entity.JobExecutionView;
import ro.runner.runs.entity.JobExecutionView.StepView;

/**
 * The Batch jobs page: executions newest first (of one job or of all), one execution's steps with
 * their counts, and the operator's levers, each offered only in the states where the batch runtime
 * accepts it: stop a running execution, restart a failed or stopped one, abandon one that is over.
 */
@Named
@ViewScoped
public class BatchJobsPage implements Serializable {

    static final String PARAMETERS_FIELD = "start:parameters";
    private static final Set<String> STOPPABLE = Set.of("STARTING", "STARTED");
    private static final Set<String> NOT_ABANDONABLE = Set.of("STARTING", "STARTED", "STOPPING", "ABANDONED");
    private static final Set<String> RESTARTABLE = Set.of("FAILED", "STOPPED");
    private static final List<String> SKIPS = List.of("READ_SKIP_COUNT", "PROCESS_SKIP_COUNT", "WRITE_SKIP_COUNT");

    @EJB
    BatchJobs batchJobs;

    private final LazyDataModel<JobExecutionView> executions = new Executions();
    private String job;
    private JobExecutionView selected;
    private List<String> jobNames;
    private String newJob;
    private String newParameters;

    public String search() {
        return "/console/batch.xhtml?faces-redirect=true&includeViewParams=true";
    }

    public void show(long executionId) {
        try {
            selected = batchJobs.execution(executionId);
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
    }

    @OperatorAction
    public void start() {
        try {
            long id = batchJobs.start(newJob, JobParameters.parse(newParameters));
            Feedback.info("started " + newJob + " execution " + id);
        } catch (RuntimeException e) {
            Feedback.invalid(PARAMETERS_FIELD, e);
        }
    }

    @OperatorAction
    public void stop(long executionId) {
        act(executionId, () -> batchJobs.stop(executionId), "stop requested for execution " + executionId);
    }

    @OperatorAction
    public void abandon(long executionId) {
        act(executionId, () -> batchJobs.abandon(executionId), "abandoned execution " + executionId);
    }

    @OperatorAction
    public void restart(long executionId) {
        try {
            long id = batchJobs.restart(executionId, Map.of());
            Feedback.info("restarted execution " + executionId + " as execution " + id);
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
        refresh(executionId);
    }

    private void act(long executionId, Runnable action, String done) {
        try {
            action.run();
            Feedback.info(done);
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
        refresh(executionId);
    }

    private void refresh(long executionId) {
        if (selected != null && selected.executionId() == executionId) {
            show(executionId);
        }
    }

    public boolean canStop(JobExecutionView e) {
        return STOPPABLE.contains(e.batchStatus());
    }

    public boolean canRestart(JobExecutionView e) {
        return RESTARTABLE.contains(e.batchStatus());
    }

    public boolean canAbandon(JobExecutionView e) {
        return !NOT_ABANDONABLE.contains(e.batchStatus());
    }

    public long skips(StepView step) {
        return SKIPS.stream().mapToLong(m -> step.metrics().getOrDefault(m, 0L)).sum();
    }

    /** Each table page is one {@link BatchJobs#executions} call for the selected job. */
    private final class Executions extends LazyDataModel<JobExecutionView> {

        @Override
        public int count(Map<String, FilterMeta> ignored) {
            try {
                return (int) batchJobs.executions(job, 0, 1).total();
            } catch (RuntimeException e) {
                Feedback.error(e);
                return 0;
            }
        }

        @Override
        public List<JobExecutionView> load(
                int first, int size, Map<String, SortMeta> sort, Map<String, FilterMeta> ignored) {
            int rows = Math.max(size, 1);
            try {
                return batchJobs.executions(job, first / rows, rows).items();
            } catch (RuntimeException e) {
                Feedback.error(e);
                return List.of();
            }
        }
    }

    public List<String> getJobNames() {
        if (jobNames == null) {
            jobNames = batchJobs.jobNames();
        }
        return jobNames;
    }

    public LazyDataModel<JobExecutionView> getExecutions() {
        return executions;
    }

    public JobExecutionView getSelected() {
        return selected;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public String getNewJob() {
        return newJob;
    }

    public void setNewJob(String newJob) {
        this.newJob = newJob;
    }

    public String getNewParameters() {
        return newParameters;
    }

    public void setNewParameters(String newParameters) {
        this.newParameters = newParameters;
    }
}
