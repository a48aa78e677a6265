package ro.runner.runs.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.Scripts;
import ro.runner.it.TestStack;

/**
 * A schedule's persistent timer survives a server restart and fires once per scheduled time after
 * it: neither lost nor doubled by the reconciliation at start.
 */
@ExtendWith(ArquillianExtension.class)
class ScheduleRestartIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @AfterEach
    void restoreTheDailySchedule() {
        put("{\"expression\":\"23 17 3 * * *\"}");
    }

    @Test
    void timersSurviveARestartAndFireOncePerTime() throws Exception {
        assertThat(put("{\"expression\":\"*/4 * * * * *\"}")).isEqualTo(200);

        Scripts.run("payara/payara.sh", "restart");
        TestStack.awaitReady("/api/runs?size=1");
        Instant after = Instant.now();
        Thread.sleep(14_000);

        var schedule = Json.object(TestStack.send(
                        TestStack.request("/api/schedules/runs-retention").GET().build())
                .body());
        assertThat(schedule.getString("nextRun")).isNotBlank();
        List<Instant> fired = timerRuns(after);
        assertThat(fired).as("fired every 4 s after the restart").hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < fired.size(); i++) {
            assertThat(fired.get(i).toEpochMilli() - fired.get(i - 1).toEpochMilli())
                    .as("no second timer firing beside the first: %s", fired)
                    .isGreaterThan(1_500);
        }
    }

    private static int put(String json) {
        return TestStack.send(TestStack.request("/api/schedules/runs-retention")
                        .header("Content-Type", "application/json")
                        .PUT(BodyPublishers.ofString(json))
                        .build())
                .statusCode();
    }

    private static List<Instant> timerRuns(Instant after) throws SQLException {
        try (var connection = TestStack.primary();
                var statement = connection.prepareStatement("SELECT started_at FROM runs WHERE kind = 'TIMER'"
                        + " AND name = 'runs-retention' AND tags = 'trigger=timer' AND started_at > ?"
                        + " ORDER BY started_at")) {
            statement.setTimestamp(1, Timestamp.from(after));
            try (var rows = statement.executeQuery()) {
                var list = new ArrayList<Instant>();
                while (rows.next()) {
                    list.add(rows.getTimestamp(1).toInstant());
                }
                return list;
            }
        }
    }
}
