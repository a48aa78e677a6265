package ro.runner.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.ConsumersQuiet;
import ro.runner.it.Deployments;
import ro.runner.it.Scripts;
import ro.runner.it.TestStack;

/**
 * {@code openmq.sh hold} (what payara.sh does around deploy, undeploy, stop and restart) holds the
 * running queues' messages back from their consumers, and {@code release} delivers them again; a
 * queue somebody paused on purpose before the hold stays paused after the release.
 */
@ExtendWith({ArquillianExtension.class, ConsumersQuiet.class})
class QueueHoldIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void holdKeepsMessagesAtTheBrokerAndReleaseLeavesAQueuePausedOnPurposePaused() throws Exception {
        Scripts.run("openmq/openmq.sh", "pause", "NotificationQueue");
        long order;
        try {
            Scripts.run("openmq/openmq.sh", "hold");
            assertThat(states())
                    .containsEntry("OrderTrackingQueue", "CONSUMERS_PAUSED")
                    .containsEntry("MarketplaceQueue", "CONSUMERS_PAUSED")
                    .containsEntry("NotificationQueue", "CONSUMERS_PAUSED");
            try {
                order = OrdersIT.placed("held-" + UUID.randomUUID() + "@example.ro");
                assertThat(OrdersIT.post("/api/orders/" + order + "/payment", "")
                                .statusCode())
                        .isEqualTo(200);
                // committed with the payment, and waiting at the broker while the queue is held
                assertThat(messages("OrderTrackingQueue")).isPositive();
                assertThat(TestStack.count(tracked(order))).isZero();
            } finally {
                Scripts.run("openmq/openmq.sh", "release");
            }
            assertThat(states())
                    .containsEntry("OrderTrackingQueue", "RUNNING")
                    .containsEntry("MarketplaceQueue", "RUNNING")
                    .containsEntry("NotificationQueue", "CONSUMERS_PAUSED");
            TestStack.awaitCount(tracked(order), 1, Duration.ofSeconds(60));
        } finally {
            Scripts.run("openmq/openmq.sh", "resume", "NotificationQueue");
        }
        // the confirmation queued while its queue was paused goes out once it is resumed
        TestStack.awaitCount(
                "SELECT count(*) FROM notifications WHERE status = 'SENT' AND order_id = " + order,
                2,
                Duration.ofSeconds(60));
    }

    /** Each of the broker's queues with its state (RUNNING, CONSUMERS_PAUSED, …). */
    private static Map<String, String> states() {
        return column(2);
    }

    private static long messages(String queue) {
        return Long.parseLong(column(6).get(queue));
    }

    /** Column {@code index} of {@code imqcmd list dst -t q} (0 name, 2 state, 6 message count). */
    private static Map<String, String> column(int index) {
        var values = new HashMap<String, String>();
        for (String line : Scripts.run("openmq/openmq.sh", "queues").split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 6 && fields[1].equals("Queue")) {
                values.put(fields[0], fields[index]);
            }
        }
        return values;
    }

    private static String tracked(long id) {
        return "SELECT count(*) FROM order_tracking WHERE status = 'PAID' AND order_id = " + id;
    }
}
