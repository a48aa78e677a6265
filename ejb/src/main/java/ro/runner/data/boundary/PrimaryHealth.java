package ro.runner.data.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import ro.runner.data.control.DatabaseProbe;

/** Ready only when the primary answers: without it nothing can be written. */
@Readiness
@ApplicationScoped
public class PrimaryHealth implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Override
    public HealthCheckResponse call() {
        return DatabaseProbe.probe("primary", primary);
    }
}
