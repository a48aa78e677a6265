package ro.runner.data.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import ro.runner.data.entity.ReplicaHealthState;
import ro.runner.data.entity.ReplicationSnapshot;
import ro.runner.runs.boundary.ScheduledTask;

/**
 * The schedule {@code replication-health}: records the replication's state in the run ledger and
 * fails the run when a replica lags beyond the threshold, is missing, or none is reachable.
 */
@ApplicationScoped
public class ReplicationHealthCheck implements ScheduledTask {

    @Inject
    ReplicaMonitor monitor;

    @Override
    public String name() {
        return "replication-health";
    }

    @Override
    public String run(Map<String, String> parameters) {
        ReplicationSnapshot now = monitor.check();
        String summary = now.standbys().size() + " standby(s) streaming; " + now.reason();
        if (now.state() != ReplicaHealthState.OK) {
            throw new IllegalStateException("replication " + now.state() + ": " + summary);
        }
        return summary;
    }
}
