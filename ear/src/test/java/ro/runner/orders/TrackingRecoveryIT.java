package ro.runner.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.ConsumersQuiet;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.Scripts;
import ro.runner.it.TestStack;

/**
 * A paid order whose order-status message was lost at the broker (here purged while the queue was
 * held; in life dead-lettered, or a store wiped) is tracked once the tracking-recovery schedule runs,
 * when its payment is older than the schedule's minutes; a payment of a moment ago is left alone.
 */
@ExtendWith({ArquillianExtension.class, ConsumersQuiet.class})
class TrackingRecoveryIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anOrderWhoseStatusMessageWasLostIsTrackedByTheRecoverySchedule() throws Exception {
        long old;
        long recent;
        Scripts.run("openmq/openmq.sh", "pause", "OrderTrackingQueue");
        try {
            old = paid("lost-old-");
            recent = paid("lost-recent-");
            Scripts.run("openmq/openmq.sh", "purge", "OrderTrackingQueue");
        } finally {
            Scripts.run("openmq/openmq.sh", "resume", "OrderTrackingQueue");
        }
        age(old);

        assertThat(runRecovery()).startsWith("re-sent ");
        TestStack.awaitCount(tracked(old), 1, Duration.ofSeconds(60));
        assertThat(TestStack.count("SELECT count(*) FROM conversions WHERE order_id = " + old))
                .isEqualTo(1);
        // paid a moment ago: its message may just be late, so the schedule leaves it for now
        assertThat(TestStack.count(tracked(recent))).isZero();

        // once its payment is as old, the next run sends it, and the first order is not tracked twice
        age(recent);
        assertThat(runRecovery()).startsWith("re-sent ");
        TestStack.awaitCount(tracked(recent), 1, Duration.ofSeconds(60));
        assertThat(TestStack.count(tracked(old))).isEqualTo(1);
    }

    private static long paid(String prefix) {
        long id = OrdersIT.placed(prefix + UUID.randomUUID() + "@example.ro");
        assertThat(OrdersIT.post("/api/orders/" + id + "/payment", "").statusCode())
                .isEqualTo(200);
        return id;
    }

    /** The order's last change an hour back, past the schedule's olderThanMinutes (10). */
    private static void age(long id) throws Exception {
        try (var db = TestStack.primary()) {
            db.createStatement()
                    .executeUpdate("UPDATE orders SET updated_at = updated_at - interval '1 hour' WHERE id = " + id);
        }
    }

    private static String runRecovery() {
        var run = TestStack.runSchedule("tracking-recovery");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        return Json.object(run.body()).getString("result");
    }

    private static String tracked(long id) {
        return "SELECT count(*) FROM order_tracking WHERE status = 'PAID' AND order_id = " + id;
    }
}
