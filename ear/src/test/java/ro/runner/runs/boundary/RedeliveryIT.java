package ro.runner.runs.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import jakarta.json.Json;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.runs.control.Messages;
import ro.runner.runs.entity.Envelope;

/**
 * In the server, on the real broker: a consumer that fails is retried with a growing delay and
 * succeeds; one that always fails ends DEAD after the policy's last attempt, with its message kept.
 */
@ExtendWith(ArquillianExtension.class)
class RedeliveryIT {

    record Attempt(int attempts, String status, Timestamp started, Timestamp ended, String payload) {}

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(RedeliveryIT.class, RunsProbeConsumer.class);
    }

    @Inject
    Messages messages;

    @Resource(lookup = "java:app/jms/RunsProbeQueue")
    Queue queue;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Test
    void aConsumerThatFailsTwiceIsRetriedWithDelayAndSucceeds() throws Exception {
        var envelope = Envelope.of(
                "probe", Json.createObjectBuilder().add("failTimes", 2).build());

        messages.send(queue, envelope, 4);

        List<Attempt> attempts = awaitFinalAttempt(envelope.id(), 3);
        assertThat(attempts).extracting(Attempt::attempts).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(Attempt::status).containsExactly("FAILED", "FAILED", "SUCCEEDED");
        long firstGap =
                attempts.get(1).started().getTime() - attempts.get(0).ended().getTime();
        long secondGap =
                attempts.get(2).started().getTime() - attempts.get(1).ended().getTime();
        assertThat(firstGap).as("delay before attempt 2").isGreaterThanOrEqualTo(400);
        assertThat(secondGap).as("delay before attempt 3 grows").isGreaterThanOrEqualTo(900);
    }

    @Test
    void aConsumerThatAlwaysFailsEndsDeadWithItsMessageKept() throws Exception {
        var envelope = Envelope.of(
                "probe", Json.createObjectBuilder().add("failTimes", 99).build());

        messages.send(queue, envelope, 4);

        List<Attempt> attempts = awaitFinalAttempt(envelope.id(), 3);
        assertThat(attempts).extracting(Attempt::status).containsExactly("FAILED", "FAILED", "DEAD");
        assertThat(attempts.get(2).payload()).contains(envelope.id());
        Thread.sleep(3000);
        assertThat(attempts(envelope.id())).as("nothing after DEAD").hasSize(3);
    }

    private List<Attempt> awaitFinalAttempt(String id, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        List<Attempt> attempts = attempts(id);
        while (System.currentTimeMillis() < deadline
                && (attempts.size() < expected
                        || attempts.get(attempts.size() - 1).ended() == null)) {
            Thread.sleep(200);
            attempts = attempts(id);
        }
        return attempts;
    }

    private List<Attempt> attempts(String id) throws SQLException {
        try (var connection = primary.getConnection();
                var statement = connection.prepareStatement("SELECT attempts, status, started_at, ended_at, payload"
                        + " FROM runs WHERE kind = 'MESSAGE' AND correlation = ? ORDER BY attempts")) {
            statement.setString(1, id);
            try (var rows = statement.executeQuery()) {
                var list = new ArrayList<Attempt>();
                while (rows.next()) {
                    list.add(new Attempt(
                            rows.getInt(1),
                            rows.getString(2),
                            rows.getTimestamp(3),
                            rows.getTimestamp(4),
                            rows.getString(5)));
                }
                return list;
            }
        }
    }
}
