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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ro.runner.runs.boundary.GiveWay;
import ro.runner.runs.boundary.Redelivery;
import ro.runner.runs.entity.RetryPolicy;

/**
 * Sends the notification a message names; retried with a growing delay, DEAD after 8 attempts. The
 * policy can be changed through MicroProfile Config (runner.notifications.retry.max-attempts, and
 * .first-delay and .max-delay as ISO-8601 durations such as PT2S); unset, it is RetryPolicy.DEFAULT.
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

    @Inject
    @ConfigProperty(name = "runner.notifications.retry.max-attempts")
    Optional<Integer> maxAttempts;

    @Inject
    @ConfigProperty(name = "runner.notifications.retry.first-delay")
    Optional<Duration> firstDelay;

    @Inject
    @ConfigProperty(name = "runner.notifications.retry.max-delay")
    Optional<Duration> maxDelay;

    @Inject
    Redelivery redelivery;

    @Inject
    Delivery delivery;

    @Resource(lookup = "java:app/jms/NotificationQueue")
    Queue queue;

    private RetryPolicy policy;

    @PostConstruct
    void configure() {
        policy = policy(maxAttempts, firstDelay, maxDelay);
    }

    @Inject
    GiveWay giveWay;

    @Override
    public void onMessage(Message message) {
        giveWay.toRequests("notification");
        redelivery.handle(
                "notification",
                message,
                queue,
                policy,
                envelope ->
                        delivery.deliver(envelope.payload().getJsonNumber("id").longValue(), policy.maxAttempts()));
    }

    static RetryPolicy policy(
            Optional<Integer> maxAttempts, Optional<Duration> firstDelay, Optional<Duration> maxDelay) {
        var standard = RetryPolicy.DEFAULT;
        return new RetryPolicy(
                maxAttempts.orElse(standard.maxAttempts()),
                firstDelay.orElse(standard.firstDelay()),
                maxDelay.orElse(standard.maxDelay()),
                standard.maxRedeliveries());
    }
}
