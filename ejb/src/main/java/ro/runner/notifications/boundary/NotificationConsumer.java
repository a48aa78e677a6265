package ro.runner.notifications.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import ro.runner.runs.boundary.Redelivery;
import ro.runner.runs.entity.RetryPolicy;

/** Sends the notification a message names; retried with a growing delay, DEAD after 8 attempts. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "jms/runner/NotificationQueue"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "5")
        })
public class NotificationConsumer implements MessageListener {

    static final RetryPolicy POLICY = RetryPolicy.DEFAULT;

    @Inject
    Redelivery redelivery;

    @Inject
    Delivery delivery;

    @Resource(lookup = "java:app/jms/NotificationQueue")
    Queue queue;

    @Override
    public void onMessage(Message message) {
        redelivery.handle(
                "notification",
                message,
                queue,
                POLICY,
                envelope ->
                        delivery.deliver(envelope.payload().getJsonNumber("id").longValue(), POLICY.maxAttempts()));
    }
}
