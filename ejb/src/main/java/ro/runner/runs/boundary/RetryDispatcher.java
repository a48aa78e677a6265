package ro.runner.runs.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import ro.runner.runs.control.Messages;

/**
 * Holds the retries of failed messages until they are due and then sends them again, twice a
 * second: the row is deleted and the message sent in one transaction, and {@code SKIP LOCKED} lets
 * every node of a cluster dispatch without sending a retry twice. A non-persistent timer: the
 * retries themselves are rows, so nothing is lost when a node stops.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class RetryDispatcher {

    private static final String DUE = "DELETE FROM message_retries WHERE id IN (SELECT id FROM message_retries"
            + " WHERE due_at <= now() ORDER BY due_at LIMIT 200 FOR UPDATE SKIP LOCKED)"
            + " RETURNING destination, body, type, priority, attempt";

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Resource
    TimerService timers;

    @Inject
    Messages messages;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(500, 500, new TimerConfig("retry-dispatcher", false));
    }

    /** Keeps a retry, in the caller's transaction, to be sent after the delay. */
    public void schedule(String destination, String body, String type, int priority, int attempt, Duration delay) {
        try (var connection = primary.getConnection();
                var insert = connection.prepareStatement("INSERT INTO message_retries"
                        + " (destination, body, type, priority, attempt, due_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, destination);
            insert.setString(2, body);
            insert.setString(3, type);
            insert.setInt(4, priority);
            insert.setInt(5, attempt);
            insert.setTimestamp(6, Timestamp.from(Instant.now().plus(delay)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the retry of a message to " + destination, e);
        }
    }

    @Timeout
    void dispatch() throws SQLException {
        try (var connection = primary.getConnection();
                var due = connection.createStatement().executeQuery(DUE)) {
            while (due.next()) {
                messages.send(
                        messages.queue(due.getString(1)),
                        due.getString(2),
                        due.getString(3),
                        due.getInt(4),
                        Duration.ZERO,
                        due.getInt(5));
            }
        }
    }
}
