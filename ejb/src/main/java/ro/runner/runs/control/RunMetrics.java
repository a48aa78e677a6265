package ro.runner.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import ro.runner.runs.entity.Run;
import ro.runner.runs.entity.RunKind;
import ro.runner.runs.entity.RunStatus;

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

    private static final Metadata GIVE_WAY = Metadata.builder()
            .withName("runner_give_way")
            .withDescription("Messages a consumer held back while API requests crowded the server")
            .build();
    private static final Metadata GIVE_WAY_MS = Metadata.builder()
            .withName("runner_give_way_milliseconds")
            .withDescription("Time consumers held their messages back while API requests crowded the server")
            .build();

    @Inject
    MetricRegistry registry;

    /** A consumer waited before taking on its message ({@code GiveWay}). */
    public void gaveWay(String consumer, Duration waited) {
        Tag consumerTag = new Tag("consumer", consumer);
        registry.counter(GIVE_WAY, consumerTag).inc();
        registry.counter(GIVE_WAY_MS, consumerTag).inc(waited.toMillis());
    }

    public void read(String target, String reason) {
        registry.counter(READS, new Tag("target", target), new Tag("reason", reason))
                .inc();
    }

    public void finished(Run run) {
        finished(run.getKind(), run.getName(), run.getStatus(), run.getDurationMs(), 1);
    }

    /** Runs of one kind, name and status that finished together, each taking durationMs (if known). */
    public void finished(RunKind kind, String name, RunStatus status, Long durationMs, int count) {
        Tag kindTag = new Tag("kind", kind.name());
        Tag nameTag = new Tag("name", name);
        registry.counter(RUNS, kindTag, nameTag, new Tag("status", status.name()))
                .inc(count);
        if (durationMs != null) {
            var timer = registry.timer(DURATION, kindTag, nameTag);
            for (int i = 0; i < count; i++) {
                timer.update(Duration.ofMillis(durationMs));
            }
        }
    }
}
