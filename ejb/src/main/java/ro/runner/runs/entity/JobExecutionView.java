package ro.runner.runs.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A batch job execution as the console and the API show it. */
public record JobExecutionView(
        long executionId,
        long instanceId,
        String jobName,
        String batchStatus,
        String exitStatus,
        Instant created,
        Instant started,
        Instant ended,
        Map<String, String> parameters,
        List<StepView> steps) {

    /** One step of an execution with its metrics (read, write, commit, skip, rollback counts). */
    public record StepView(
            long stepExecutionId,
            String stepName,
            String batchStatus,
            String exitStatus,
            Instant started,
            Instant ended,
            Map<String, Long> metrics) {}
}
