package ro.runner.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.ConsumersQuiet;
import ro.runner.it.Deployments;
import ro.runner.it.SmtpSink;
import ro.runner.it.TestStack;
import ro.runner.orders.OrdersIT;

/**
 * Notifications survive the mail server: with the SMTP sink stopped, attempts fail and are retried
 * with a growing delay; once it is back every mail goes out, once. (A mail that fails until it is
 * DEAD, and its retry from the API: DeadNotificationIT.)
 */
@ExtendWith({ArquillianExtension.class, ConsumersQuiet.class})
class NotificationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void mailsQueuedWhileSmtpIsDownAreAllDeliveredWhenItIsBack() throws Exception {
        List<String> buyers = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        SmtpSink.script("stop");
        try {
            for (int i = 0; i < 3; i++) {
                String email = "outage-" + UUID.randomUUID() + "@example.ro";
                long id = OrdersIT.placed(email);
                assertThat(OrdersIT.post("/api/orders/" + id + "/payment", "").statusCode())
                        .isEqualTo(200);
                buyers.add(email);
                orders.add(id);
            }
            await(
                    "SELECT count(*) FROM notifications WHERE order_id = " + orders.get(2)
                            + " AND type = 'order-confirmation' AND attempts >= 1 AND last_error IS NOT NULL",
                    1);
        } finally {
            SmtpSink.script("start");
        }

        // A mail that failed a few times waits out its growing delay (up to 128 s before the 8th
        // attempt) after SMTP is back: wait longer than that, never less.
        for (long id : orders) {
            await("SELECT count(*) FROM notifications WHERE order_id = " + id + " AND status = 'SENT'", 2, 300_000);
        }
        for (String email : buyers) {
            assertThat(SmtpSink.inbox(email)).as(email).hasSize(1);
        }
    }

    private static void await(String countSql, long expected) throws Exception {
        await(countSql, expected, 120_000);
    }

    private static void await(String countSql, long expected, long timeoutMillis) throws Exception {
        TestStack.awaitCount(countSql, expected, java.time.Duration.ofMillis(timeoutMillis));
    }
}
