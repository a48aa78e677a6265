package ro.runner.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
 * A notification row QUEUED long ago without a message (a lost message), SENDING long ago (an
 * attempt cut off, its message dead-lettered), or FAILED long ago with no retry waiting (its retry
 * lost in the broker), is sent by the notifications-recovery schedule; an attempt that started a
 * moment ago, and a FAILED row whose retry waits in message_retries, are left alone.
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theRecoveryScheduleSendsRowsStuckInQueuedOrSending() throws Exception {
        String queued = stuck("QUEUED", "R-STUCK");
        String sending = stuck("SENDING", "R-CUT");
        String fresh = stuck("SENDING", "R-LIVE", "now()");
        String lost = stuck("FAILED", "R-LOST");
        String waiting = stuck("FAILED", "R-WAIT");
        long waitingRetry = retryDueInAnHour(waiting);

        var run = TestStack.runSchedule("notifications-recovery");

        assertThat(run.statusCode()).isEqualTo(202);
        assertThat(Json.object(run.body()).getString("result")).startsWith("re-queued ");
        if (!arrived(Duration.ofSeconds(60), queued, sending, lost)) {
            // A re-queued message can be dead-lettered by a Payara MDB thread that an earlier undeploy
            // left broken (TestStack.awaitConsumersQuiet; seen once): the row stays as recovery left
            // it, and the schedule's next run, 10 minutes on, sends it again. The rows are aged by
            // an hour and the schedule run once more, as it would run by itself.
            System.out.println(
                    "RecoveryIT: a re-queued mail did not arrive in 60 s; running notifications-recovery again");
            try (var db = TestStack.primary();
                    var age = db.prepareStatement("UPDATE notifications SET queued_at = queued_at - interval '1 hour',"
                            + " updated_at = updated_at - interval '1 hour' WHERE recipient IN (?, ?, ?)"
                            + " AND status <> 'SENT'")) {
                age.setString(1, queued);
                age.setString(2, sending);
                age.setString(3, lost);
                age.executeUpdate();
            }
            assertThat(TestStack.runSchedule("notifications-recovery").statusCode())
                    .isEqualTo(202);
            arrived(Duration.ofSeconds(60), queued, sending, lost);
        }
        assertThat(SmtpSink.inbox(queued)).hasSize(1);
        assertThat(SmtpSink.inbox(queued).get(0).getSubject()).contains("Vânzare nouă: comanda R-STUCK");
        assertThat(SmtpSink.inbox(sending)).hasSize(1);
        assertThat(SmtpSink.inbox(sending).get(0).getSubject()).contains("Vânzare nouă: comanda R-CUT");
        // an attempt that started a moment ago may still be running: it is left to its consumer
        assertThat(SmtpSink.inbox(fresh)).isEmpty();
        assertThat(status(fresh)).isEqualTo("SENDING");
        // a lost retry is sent as the attempt after the row's last (3 before), not from the first
        assertThat(SmtpSink.inbox(lost)).hasSize(1);
        assertThat(SmtpSink.inbox(lost).get(0).getSubject()).contains("Vânzare nouă: comanda R-LOST");
        // the row is marked SENT after the sink took the mail: waited for, not read at once
        TestStack.awaitCount(
                "SELECT count(*) FROM notifications WHERE recipient = '" + lost + "' AND status = 'SENT'",
                1,
                Duration.ofSeconds(30));
        assertThat(attempts(lost)).isEqualTo(4);
        // a retry that waits in message_retries is the dispatcher's to send, when it is due
        assertThat(SmtpSink.inbox(waiting)).isEmpty();
        assertThat(status(waiting)).isEqualTo("FAILED");
        assertThat(TestStack.count("SELECT count(*) FROM message_retries WHERE id = " + waitingRetry))
                .isEqualTo(1);
        try (var db = TestStack.primary();
                var end = db.prepareStatement(
                        "UPDATE notifications SET status = 'DEAD', last_error = 'left by RecoveryIT'"
                                + " WHERE recipient IN (?, ?)")) {
            // what the test left is ended: the real schedule would otherwise send it later, and
            // other classes would wait on the live-looking row (TestStack.awaitConsumersQuiet)
            db.createStatement().executeUpdate("DELETE FROM message_retries WHERE id = " + waitingRetry);
            end.setString(1, fresh);
            end.setString(2, waiting);
            end.executeUpdate();
        }
    }

    /** Waits until each recipient has a mail; whether they all have. */
    private static boolean arrived(Duration timeout, String... recipients) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            boolean all = true;
            for (String recipient : recipients) {
                all &= !SmtpSink.inbox(recipient).isEmpty();
            }
            if (all) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** A retry of the row's notification kept in message_retries, due an hour from now; its id. */
    private static long retryDueInAnHour(String email) throws Exception {
        try (var db = TestStack.primary();
                var insert = db.prepareStatement("INSERT INTO message_retries (destination, body, type, priority,"
                        + " attempt, due_at) SELECT 'NotificationQueue', json_build_object('type', 'notification',"
                        + " 'version', 1, 'id', 'notification-' || id || '-1', 'payload', json_build_object('id', id))"
                        + "::text, 'notification', 1, attempts + 1, now() + interval '1 hour' FROM notifications"
                        + " WHERE recipient = ? RETURNING id")) {
            insert.setString(1, email);
            try (var row = insert.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    /** A sale notice in the status, last touched an hour ago, without a message; its recipient. */
    private static String stuck(String status, String number) throws Exception {
        return stuck(status, number, "now() - interval '1 hour'");
    }

    private static String stuck(String status, String number, String at) throws Exception {
        String email = "stuck-" + UUID.randomUUID() + "@example.ro";
        try (var db = TestStack.primary();
                var insert = db.prepareStatement("INSERT INTO notifications (idempotency_key, type, recipient,"
                        + " priority, status, attempts, model, queued_at, updated_at) VALUES (?, 'sale-notice', ?,"
                        + " 'LOW', ?, ?, ?::jsonb, " + at + ", " + at + ")")) {
            insert.setString(1, "stuck-" + email);
            insert.setString(2, email);
            insert.setString(3, status);
            insert.setInt(4, "SENDING".equals(status) ? 1 : "FAILED".equals(status) ? 3 : 0);
            insert.setString(
                    5,
                    "{\"number\":\"" + number + "\",\"name\":\"Ana Bălan\",\"email\":\"" + email
                            + "\",\"items\":1,\"total\":10,\"currency\":\"RON\",\"trafficSource\":\"direct\","
                            + "\"campaign\":\"\",\"lines\":[]}");
            insert.executeUpdate();
        }
        return email;
    }

    private static long attempts(String email) throws Exception {
        return TestStack.count("SELECT attempts FROM notifications WHERE recipient = '" + email + "'");
    }

    private static String status(String email) throws Exception {
        return TestStack.value("SELECT status FROM notifications WHERE recipient = '" + email + "'");
    }
}
