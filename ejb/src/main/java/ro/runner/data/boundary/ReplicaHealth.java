package ro.runner.data.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import ro.runner.data.entity.ReplicationSnapshot;

/**
 * The replicas' state (OK, DEGRADED, DOWN) with the reason and the lag. Always UP for readiness:
 * without replicas reads go to the primary and the application still serves everything.
 */
@Readiness
@ApplicationScoped
public class ReplicaHealth implements HealthCheck {

    @Inject
    ReplicaMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        ReplicationSnapshot last = monitor.last();
        return HealthCheckResponse.named("replica")
                .up()
                .withData("state", last.state().name())
                .withData("reason", last.reason())
                .withData("lagSeconds", Math.round(last.replicaLagSeconds()))
                .withData("standbys", last.standbys().size())
                .withData("checkedAt", String.valueOf(last.checkedAt()))
                .build();
    }
}
