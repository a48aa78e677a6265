package ro.runner.runs.job;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import ro.runner.runs.boundary.BatchJobs;
import ro.runner.runs.entity.JobExecutionView;
import ro.runner.runs.entity.JobExecutionView.StepView;
import ro.runner.runs.entity.Page;

/**
 * Every batch operation of the console, the API and the schedules, through the standard {@link
 * JobOperator}, so {@code asadmin list-batch-job-executions} and any Jakarta Batch client see the same
 * executions. It lives in the batch module beside the job XML and artifacts it starts, because the
 * batch runtime resolves those from the module that starts the job.
 */
// Bean-managed transactions: starting a job inside a container transaction misbehaves on Payara.
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
@Local(BatchJobs.class)
public class JobOperations implements BatchJobs {

    /** The jobs this module defines (file names under META-INF/batch-jobs). */
    static final List<String> KNOWN_JOBS =
            List.of("runs-retention", "catalog-import", "marketplace-product-sync", "marketplace-offer-push");

    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    @Override
    public long start(String jobName, Map<String, String> parameters) {
        if (!KNOWN_JOBS.contains(jobName)) {
            throw new IllegalArgumentException("no batch job named '" + jobName + "'; known jobs: " + KNOWN_JOBS);
        }
        var properties = new Properties();
        properties.putAll(parameters);
        return operator().start(jobName, properties);
    }

    @Override
    public long restart(long executionId, Map<String, String> parameters) {
        var properties = new Properties();
        properties.putAll(operator().getParameters(executionId));
        properties.putAll(parameters);
        return operator().restart(executionId, properties);
    }

    @Override
    public void stop(long executionId) {
        operator().stop(executionId);
    }

    @Override
    public void abandon(long executionId) {
        operator().abandon(executionId);
    }

    @Override
    public JobExecutionView execution(long executionId) {
        return view(operator().getJobExecution(executionId), true);
    }

    /** Executions of one job (or of every job when jobName is blank), newest first. */
    @Override
    public Page<JobExecutionView> executions(String jobName, int page, int size) {
        var names = jobName == null || jobName.isBlank() ? jobNames() : List.of(jobName);
        var all = new ArrayList<JobExecution>();
        for (String name : names) {
            try {
                int count = operator().getJobInstanceCount(name);
                for (JobInstance instance : operator().getJobInstances(name, 0, count)) {
                    all.addAll(operator().getJobExecutions(instance));
                }
            } catch (NoSuchJobException unknownYet) {
                // a job that never ran has no instances
            }
        }
        all.sort(Comparator.comparingLong(JobExecution::getExecutionId).reversed());
        var items = all.stream()
                .skip((long) page * size)
                .limit(size)
                .map(e -> view(e, false))
                .toList();
        return new Page<>(items, page, size, all.size());
    }

    @Override
    public List<String> jobNames() {
        var names = new TreeSet<>(KNOWN_JOBS);
        names.addAll(operator().getJobNames());
        return List.copyOf(names);
    }

    private JobExecutionView view(JobExecution execution, boolean withSteps) {
        long id = execution.getExecutionId();
        List<StepView> steps = withSteps
                ? operator().getStepExecutions(id).stream()
                        .map(JobOperations::step)
                        .toList()
                : List.of();
        Properties parameters = execution.getJobParameters();
        return new JobExecutionView(
                id,
                operator().getJobInstance(id).getInstanceId(),
                execution.getJobName(),
                String.valueOf(execution.getBatchStatus()),
                execution.getExitStatus(),
                instant(execution.getCreateTime()),
                instant(execution.getStartTime()),
                instant(execution.getEndTime()),
                parameters == null
                        ? Map.of()
                        : parameters.stringPropertyNames().stream()
                                .collect(Collectors.toMap(k -> k, parameters::getProperty, (a, b) -> a, TreeMap::new)),
                steps);
    }

    private static StepView step(StepExecution step) {
        var metrics = new TreeMap<String, Long>();
        for (Metric metric : step.getMetrics()) {
            metrics.put(metric.getType().name(), metric.getValue());
        }
        return new StepView(
                step.getStepExecutionId(),
                step.getStepName(),
                String.valueOf(step.getBatchStatus()),
                step.getExitStatus(),
                instant(step.getStartTime()),
                instant(step.getEndTime()),
                metrics);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
