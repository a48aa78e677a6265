package ro.runner.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import ro.runner.runs.entity.Run;

/**
 * The one place that records metrics (runs, read routing). Payara has MicroProfile Metrics, WildFly 39 has Micrometer:
 * keeping every metric call behind this class keeps that server difference in one file.
 */
@ApplicationScoped
public class RunMetrics {

    private static final Metadata RUNS = Metadata.builder()
            .withName("runner_runs")
            .withDescription("Finished runs by kind, name and status")
            .build();
    private static final Metadata DURATION = Metadata.builder()
            .withName("runner_run_duration")
            .withDescription("Duration of finished runs by kind and name")
            .build();

    private static final Metadata READS = Metadata.builder()
            .withName("runner_reads")
            .withDescription("Reads by the server that served them (replica, primary) and the reason")
            .build();

    @Inject
    MetricRegistry registry;

    public void read(String target, String reason) {
        registry.counter(READS, new Tag("target", target), new Tag("reason", reason))
                .inc();
    }

    public void finished(Run run) {
        Tag kind = new Tag("kind", run.getKind().name());
        Tag name = new Tag("name", run.getName());
        registry.counter(RUNS, kind, name, new Tag("status", run.getStatus().name()))
                .inc();
        if (run.getDurationMs() != null) {
            registry.timer(DURATION, kind, name).update(Duration.ofMillis(run.getDurationMs()));
        }
    }
}
