package ro.runner.runs.boundary;

import java.util.List;
import java.util.Map;
import ro.runner.runs.entity.JobExecutionView;
import ro.runner.runs.entity.Page;

/**
 * The port to the batch module: start, restart, stop, abandon and list job executions. Implemented
 * beside the jobs in the batch module, used by the schedules, the console and the API (which only
 * depend on this module). Inject it with {@code @EJB}.
 */
public interface BatchJobs {

    /** Starts a job; a clear IllegalArgumentException names the known jobs when the name is unknown. */
    long start(String jobName, Map<String, String> parameters);

    /** Restarts a failed or stopped execution with its parameters, overridden by the given ones. */
    long restart(long executionId, Map<String, String> parameters);

    void stop(long executionId);

    void abandon(long executionId);

    /** One execution with its steps and their metrics. */
    JobExecutionView execution(long executionId);

    /** Executions of one job (every job when jobName is blank), newest first, without steps. */
    Page<JobExecutionView> executions(String jobName, int page, int size);

    List<String> jobNames();
}
