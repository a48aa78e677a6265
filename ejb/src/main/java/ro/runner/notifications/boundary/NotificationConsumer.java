package ro.runner.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import ro.runner.runs.boundary.Redelivery;
import ro.runner.runs.entity.RetryPolicy;

/**
 * Sends the notification a message names; retried with a growing delay, DEAD after 8 attempts.
 * The policy is configurable (MicroProfile Config runner.notifications.retry.max-attempts,
 * .first-delay, .max-delay as ISO-8601 durations): the test stack shortens the delays.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "jms/runner/NotificationQueue"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "5")
        })
public class NotificationConsumer implements MessageListener {

    private RetryPolicy policy;

    @Inject
    Redelivery redelivery;

    @Inject
    Delivery delivery;

    @Resource(lookup = "java:app/jms/NotificationQueue")
    Queue queue;

    @PostConstruct
    void configure() {
        policy = policy(ConfigProvider.getConfig());
    }

    @Override
    public void onMessage(Message message) {
        redelivery.handle(
                "notification",
                message,
                queue,
                policy,
                envelope ->
                        delivery.deliver(envelope.payload().getJsonNumber("id").longValue(), policy.maxAttempts()));
    }

    static RetryPolicy policy(Config config) {
        var standard = RetryPolicy.DEFAULT;
        return new RetryPolicy(
                config.getOptionalValue("runner.notifications.retry.max-attempts", Integer.class)
                        .orElse(standard.maxAttempts()),
                config.getOptionalValue("runner.notifications.retry.first-delay", String.class)
                        .map(Duration::parse)
                        .orElse(standard.firstDelay()),
                config.getOptionalValue("runner.notifications.retry.max-delay", String.class)
                        .map(Duration::parse)
                        .orElse(standard.maxDelay()),
                standard.maxRedeliveries());
    }
}
