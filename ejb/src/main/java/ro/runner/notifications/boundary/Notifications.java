package ro.runner.notifications.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import ro.runner.notifications.control.MailComposer;
import ro.runner.notifications.entity.Mail;
import ro.runner.notifications.entity.Priority;
import ro.runner.runs.control.Messages;
import ro.runner.runs.entity.Envelope;

/**
 * Queues notifications: the row and its JMS message are written in the caller's transaction, so
 * one exists if and only if the other does. The idempotency key makes a second queueing of the
 * same notification a no-op. Resending puts a row back to QUEUED with a fresh message.
 */
@Stateless
public class Notifications {

    public static final String MESSAGE = "notification";

    /** Looked up once: the Json factory methods look the provider up with a class path scan per call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Resource(lookup = "java:app/jms/NotificationQueue")
    Queue queue;

    @Inject
    Messages messages;

    @Inject
    MailComposer composer;

    /** Queues a notification; the new row's id, or empty when the key was queued before. */
    public java.util.OptionalLong queue(
            String type, String key, String recipient, Priority priority, JsonObject model, Long orderId) {
        try (Connection db = primary.getConnection();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO notifications (idempotency_key, type, recipient, priority, status, model, order_id)"
                                + " VALUES (?, ?, ?, ?, 'QUEUED', ?::jsonb, ?) ON CONFLICT (idempotency_key) DO NOTHING"
                                + " RETURNING id")) {
            insert.setString(1, key);
            insert.setString(2, type);
            insert.setString(3, recipient);
            insert.setString(4, priority.name());
            insert.setString(5, model.toString());
            if (orderId == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, orderId);
            }
            try (ResultSet row = insert.executeQuery()) {
                if (!row.next()) {
                    return java.util.OptionalLong.empty();
                }
                long id = row.getLong(1);
                send(id, priority);
                return java.util.OptionalLong.of(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue notification " + key + ": " + e.getMessage(), e);
        }
    }

    /** The mail of a notification as it is (or would be) sent, rendered again from its model. */
    public Mail preview(long id) {
        try (Connection db = primary.getConnection();
                PreparedStatement query =
                        db.prepareStatement("SELECT type, model::text FROM notifications WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("no notification " + id);
                }
                try (var reader = JSON.createReader(new java.io.StringReader(row.getString(2)))) {
                    return composer.compose(row.getString(1), reader.readObject());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notification " + id, e);
        }
    }

    /** Sends one notification again, whatever its status; false when there is no such row. */
    public boolean resend(long id) {
        return !requeue("WHERE id = ?", id).isEmpty();
    }

    /** Sends every DEAD notification again; how many. */
    public int retryDead() {
        return requeue("WHERE status = 'DEAD'").size();
    }

    /** Re-queues rows QUEUED for longer than the given minutes (their message was lost). */
    public int recoverStuck(int olderThanMinutes) {
        return requeue(
                        "WHERE status = 'QUEUED' AND queued_at < now() - make_interval(mins => ?)"
                                + " ORDER BY queued_at LIMIT 1000",
                        olderThanMinutes)
                .size();
    }

    private List<Long> requeue(String where, Object... values) {
        String sql = "UPDATE notifications SET status = 'QUEUED', attempts = 0, queued_at = now(), updated_at = now()"
                + " WHERE id IN (SELECT id FROM notifications " + where + " FOR UPDATE SKIP LOCKED)"
                + " RETURNING id, priority";
        var ids = new ArrayList<Long>();
        try (Connection db = primary.getConnection();
                PreparedStatement update = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    send(rows.getLong(1), Priority.valueOf(rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-queue notifications: " + e.getMessage(), e);
        }
        return ids;
    }

    private void send(long id, Priority priority) {
        messages.send(
                queue,
                new Envelope(
                        MESSAGE,
                        1,
                        "notification-" + id + "-" + System.nanoTime(),
                        JSON.createObjectBuilder().add("id", id).build()),
                priority.jms());
    }
}
