package ro.runner.runs.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the JMS broker accepts a connection: without it no order is tracked. */
@Readiness
@ApplicationScoped
public class MessagingHealth implements HealthCheck {

    @Resource(lookup = "java:app/jms/ConnectionFactory")
    ConnectionFactory factory;

    @Override
    public HealthCheckResponse call() {
        try (var context = factory.createContext()) {
            return HealthCheckResponse.named("jms")
                    .up()
                    .withData("clientId", String.valueOf(context.getClientID()))
                    .build();
        } catch (JMSRuntimeException e) {
            return HealthCheckResponse.named("jms")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
