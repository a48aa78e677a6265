package ro.runner.runs.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import ro.runner.runs.entity.RetryPolicy;

/**
 * A consumer that fails on purpose the first {@code failTimes} times it sees a message: the
 * retry groundwork's test subject. Three attempts, short delays, so the test is quick.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/runner/RunsProbeQueue"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "5")
        })
public class RunsProbeConsumer implements MessageListener {

    static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(2), 5);
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Inject
    Redelivery redelivery;

    @Resource(lookup = "java:app/jms/RunsProbeQueue")
    Queue queue;

    @Override
    public void onMessage(Message message) {
        redelivery.handle("runs-probe", message, queue, POLICY, envelope -> {
            int call = CALLS.computeIfAbsent(envelope.id(), id -> new AtomicInteger())
                    .incrementAndGet();
            if (call <= envelope.payload().getInt("failTimes")) {
                throw new IllegalStateException("failing on purpose, call " + call);
            }
        });
    }
}
