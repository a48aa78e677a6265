package ro.runner.data.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import ro.runner.data.control.DatabaseProbe;

/** The read pool: which server it reached (inRecovery false means it fell back to the primary). */
@Readiness
@ApplicationScoped
public class ReplicaHealth implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/replica")
    DataSource replica;

    @Override
    public HealthCheckResponse call() {
        return DatabaseProbe.probe("replica", replica);
    }
}
