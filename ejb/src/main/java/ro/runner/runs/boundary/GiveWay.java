package ro.runner.runs.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ro.runner.runs.control.Foreground;
import ro.runner.runs.control.RunMetrics;

/**
 * How the consumers give way to API requests ({@link Foreground}): while more than
 * {@code runner.consumers.give-way.busy} requests (default 4) are in flight, a consumer waits up to
 * {@code runner.consumers.give-way.max-wait} (default PT0.5S; PT0S turns it off) before handling its
 * message. With no requests, as in a drain or a mail backlog at night, nothing waits. The metrics
 * {@code runner_give_way} and {@code runner_give_way_milliseconds} count the waits per consumer.
 */
@ApplicationScoped
public class GiveWay {

    @Inject
    @ConfigProperty(name = "runner.consumers.give-way.busy", defaultValue = "4")
    int busy;

    @Inject
    @ConfigProperty(name = "runner.consumers.give-way.max-wait", defaultValue = "PT0.5S")
    Duration maxWait;

    @Inject
    RunMetrics metrics;

    /** Waits, if the server is crowded, before the named consumer handles its message. */
    public void toRequests(String consumer) {
        Duration waited = Foreground.giveWay(busy, maxWait);
        if (!waited.isZero()) {
            metrics.gaveWay(consumer, waited);
        }
    }
}
