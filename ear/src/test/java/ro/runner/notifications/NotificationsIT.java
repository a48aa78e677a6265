package ro.runner.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.SmtpSink;
import ro.runner.it.TestStack;

/**
 * Notifications survive the mail server: with the SMTP sink stopped, attempts fail and are retried
 * with a growing delay; once it is back every mail goes out, once. DEAD rows go out again when an
 * operator retries them from the API.
 */
@ExtendWith(ArquillianExtension.class)
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
                long id = checkout(email);
                assertThat(post("/api/orders/" + id + "/payment").statusCode()).isEqualTo(200);
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

    @Test
    void deadNotificationsAreRetriedFromTheApi() throws Exception {
        String email = "dead-" + UUID.randomUUID() + "@example.ro";
        long id = checkout(email);
        post("/api/orders/" + id + "/payment");
        await("SELECT count(*) FROM notifications WHERE order_id = " + id + " AND status = 'SENT'", 2);
        try (var db = TestStack.primary();
                var update = db.createStatement()) {
            update.executeUpdate("UPDATE notifications SET status = 'DEAD', last_error = 'gave up' WHERE order_id = "
                    + id + " AND type = 'order-confirmation'");
        }
        var dead = Json.object(TestStack.send(TestStack.request("/api/notifications?status=DEAD&recipient=" + email)
                        .GET()
                        .build())
                .body());
        assertThat(awaitTotal(email)).isEqualTo(1);

        var retry = post("/api/notifications/dead/retry");

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(Json.object(retry.body()).getInt("retried")).isGreaterThanOrEqualTo(1);
        await("SELECT count(*) FROM notifications WHERE order_id = " + id + " AND status = 'SENT'", 2);
        assertThat(SmtpSink.inbox(email)).hasSize(2);
        assertThat(dead).isNotNull();
        assertThat(post("/api/notifications/999999999/resend").statusCode()).isEqualTo(404);
    }

    private static long awaitTotal(String email) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        long total = 0;
        while (System.currentTimeMillis() < deadline) {
            total = Json.object(TestStack.send(TestStack.request("/api/notifications?status=DEAD&recipient=" + email)
                                    .GET()
                                    .build())
                            .body())
                    .getJsonNumber("total")
                    .longValue();
            if (total > 0) {
                break;
            }
            Thread.sleep(200);
        }
        return total;
    }

    private static long checkout(String email) {
        var response = TestStack.send(java.net.http.HttpRequest.newBuilder(TestStack.http("/api/checkout"))
                .header("X-Forwarded-For", "10.9." + System.nanoTime() % 250 + "." + (1 + System.nanoTime() % 250))
                .header("Content-Type", "application/json")
                .POST(
                        BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"name\":\"Ioana Mureșan\",\"currency\":\"RON\","
                                        + "\"lines\":[{\"sku\":\"BILET\",\"name\":\"Bilet concert\",\"quantity\":1,\"unitPrice\":120}]}"))
                .build());
        assertThat(response.statusCode()).isEqualTo(201);
        return Json.object(response.body()).getJsonNumber("id").longValue();
    }

    private static HttpResponse<String> post(String path) {
        return TestStack.send(
                TestStack.request(path).POST(BodyPublishers.noBody()).build());
    }

    private static void await(String countSql, long expected) throws Exception {
        await(countSql, expected, 120_000);
    }

    private static void await(String countSql, long expected, long timeoutMillis) throws Exception {
        TestStack.awaitCount(countSql, expected, java.time.Duration.ofMillis(timeoutMillis));
    }
}
