package ro.runner.tracking.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import ro.runner.runs.boundary.Redelivery;
import ro.runner.runs.entity.RetryPolicy;

/** Tracks an order's status change announced on the tracking queue. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "jms/runner/OrderTrackingQueue"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "5")
        })
public class OrderTrackingConsumer implements MessageListener {

    @Inject
    Redelivery redelivery;

    @Inject
    Tracking tracking;

    @Resource(lookup = "java:app/jms/OrderTrackingQueue")
    Queue queue;

    @Override
    public void onMessage(Message message) {
        redelivery.handle(
                "order-tracking",
                message,
                queue,
                RetryPolicy.DEFAULT,
                envelope -> tracking.track(
                        envelope.payload().getJsonNumber("orderId").longValue(),
                        envelope.payload().getString("status")));
    }
}
