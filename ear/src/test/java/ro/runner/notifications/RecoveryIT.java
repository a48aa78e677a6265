package ro.runner.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
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
 * A notification row QUEUED long ago without a message (a lost message) is sent by the
 * notifications-recovery schedule.
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theRecoveryScheduleSendsRowsStuckInQueued() throws Exception {
        String email = "stuck-" + UUID.randomUUID() + "@example.ro";
        try (var db = TestStack.primary();
                var insert =
                        db.prepareStatement("INSERT INTO notifications (idempotency_key, type, recipient, priority,"
                                + " status, model, queued_at) VALUES (?, 'sale-notice', ?, 'LOW', 'QUEUED', ?::jsonb,"
                                + " now() - interval '1 hour')")) {
            insert.setString(1, "stuck-" + email);
            insert.setString(2, email);
            insert.setString(
                    3,
                    "{\"number\":\"R-STUCK\",\"name\":\"Ana Bălan\",\"email\":\"" + email
                            + "\",\"items\":1,\"total\":10,\"currency\":\"RON\",\"trafficSource\":\"direct\","
                            + "\"campaign\":\"\",\"lines\":[]}");
            insert.executeUpdate();
        }

        var run = TestStack.send(TestStack.request("/api/schedules/notifications-recovery/run")
                .POST(BodyPublishers.noBody())
                .build());

        assertThat(run.statusCode()).isEqualTo(202);
        assertThat(Json.object(run.body()).getString("result")).startsWith("re-queued ");
        long deadline = System.currentTimeMillis() + 60_000;
        while (SmtpSink.inbox(email).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertThat(SmtpSink.inbox(email)).hasSize(1);
        assertThat(SmtpSink.inbox(email).get(0).getSubject()).contains("Vânzare nouă: comanda R-STUCK");
    }
}
