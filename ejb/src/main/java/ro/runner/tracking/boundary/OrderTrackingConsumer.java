package ro.runner.tracking.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ro.runner.runs.boundary.GiveWay;
import ro.runner.runs.boundary.Redelivery;
import ro.runner.runs.entity.Envelope;
import ro.runner.runs.entity.RetryPolicy;
import ro.runner.tracking.entity.StatusChange;

/**
 * Tracks orders' status changes announced on the tracking queue: the message it is given and, when
 * a backlog waits, up to {@code runner.tracking.batch-size} more, tracked in one transaction.
 */
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

    /** How many queued messages one transaction takes at most: a backlog drains in batches. */
    @Inject
    @ConfigProperty(name = "runner.tracking.batch-size", defaultValue = "100")
    int batchSize;

    @Resource(lookup = "java:app/jms/OrderTrackingQueue")
    Queue queue;

    @Inject
    GiveWay giveWay;

    @Override
    public void onMessage(Message message) {
        // while requests crowd the server the message waits a moment; so do the ones behind it,
        // which then join its batch
        giveWay.toRequests("order-tracking");
        redelivery.handleAll(
                "order-tracking",
                message,
                queue,
                RetryPolicy.DEFAULT,
                batchSize,
                envelopes -> tracking.trackAll(
                        envelopes.stream().map(OrderTrackingConsumer::change).toList()),
                envelope -> tracking.track(change(envelope)));
    }

    private static StatusChange change(Envelope envelope) {
        return new StatusChange(
                envelope.payload().getJsonNumber("orderId").longValue(),
                envelope.payload().getString("status"));
    }
}
