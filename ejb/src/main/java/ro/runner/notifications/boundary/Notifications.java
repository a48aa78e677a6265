package ro.runner.notifications.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import ro.runner.notifications.control.MailComposer;
import ro.runner.notifications.entity.Mail;
import ro.runner.notifications.entity.NewNotification;
import ro.runner.notifications.entity.Priority;
import ro.runner.runs.control.Messages;
import ro.runner.runs.entity.Envelope;
import ro.runner.runs.entity.Jsons;

/**
 * Queues notifications: the row and its JMS message are written in the caller's transaction, so
 * one exists if and only if the other does. The idempotency key makes a second queueing of the
 * same notification a no-op. Resending puts a row back to QUEUED with a fresh message.
 */
@Stateless
public class Notifications {

    public static final String MESSAGE = "notification";

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Resource(lookup = "java:app/jms/NotificationQueue")
    Queue queue;

    @Inject
    Messages messages;

    @Inject
    MailComposer composer;

    /**
     * Queues notifications in one statement: a row each (a key queued before is skipped) and a
     * message for each new row. How many were new.
     */
    public int queueAll(List<NewNotification> notifications) {
        if (notifications.isEmpty()) {
            return 0;
        }
        int n = notifications.size();
        String[] keys = new String[n], types = new String[n], recipients = new String[n];
        String[] priorities = new String[n], models = new String[n];
        Long[] orders = new Long[n];
        for (int i = 0; i < n; i++) {
            NewNotification notification = notifications.get(i);
            keys[i] = notification.key();
            types[i] = notification.type();
            recipients[i] = notification.recipient();
            priorities[i] = notification.priority().name();
            models[i] = notification.model().toString();
            orders[i] = notification.orderId();
        }
        try (Connection db = primary.getConnection();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO notifications (idempotency_key, type, recipient, priority, status, model, order_id)"
                                + " SELECT k, t, r, p, 'QUEUED', m::jsonb, o"
                                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])"
                                + " AS n(k, t, r, p, m, o)"
                                + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, priority")) {
            insert.setArray(1, db.createArrayOf("text", keys));
            insert.setArray(2, db.createArrayOf("text", types));
            insert.setArray(3, db.createArrayOf("text", recipients));
            insert.setArray(4, db.createArrayOf("text", priorities));
            insert.setArray(5, db.createArrayOf("text", models));
            insert.setArray(6, db.createArrayOf("bigint", orders));
            int queued = 0;
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    send(rows.getLong(1), Priority.valueOf(rows.getString(2)), 1);
                    queued++;
                }
            }
            return queued;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot queue notifications " + keys[0] + (n > 1 ? " and " + (n - 1) + " more" : "") + ": "
                            + e.getMessage(),
                    e);
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
                try (var reader = Jsons.JSON.createReader(new java.io.StringReader(row.getString(2)))) {
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

    /**
     * Re-queues rows whose message was lost: QUEUED for longer than the given minutes, or SENDING
     * that long (an attempt that never ended: its start committed on its own, then the message went
     * to the dead message queue; the mail session's timeouts end a live attempt within a minute).
     * FAILED rows that long with no retry waiting are sent again as their next attempt (see {@link
     * #resumeFailed}). How many rows were sent again, in all.
     */
    public int recoverStuck(int olderThanMinutes) {
        List<Long> requeued = requeue(
                "WHERE (status = 'QUEUED' AND queued_at < now() - make_interval(mins => ?))"
                        + " OR (status = 'SENDING' AND updated_at < now() - make_interval(mins => ?))"
                        + " ORDER BY queued_at LIMIT 1000",
                olderThanMinutes,
                olderThanMinutes);
        return requeued.size() + resumeFailed(olderThanMinutes);
    }

    /**
     * FAILED rows untouched for longer than the given minutes whose retry is nowhere: not in
     * {@code message_retries}, where a retry waits until it is due. Each is sent again as the attempt
     * after its last, so its count and the DEAD limit go on where they were. A retry is lost when the
     * broker drops the message of a transaction that committed in PostgreSQL (OpenMQ's "Uknown XID"
     * at the start of a delivery's transaction branch was seen to do it). Its updated_at is touched,
     * so the next run does not send it again while this message waits in the queue.
     */
    private int resumeFailed(int olderThanMinutes) {
        return sendAgain(
                        "updated_at = now()",
                        "WHERE n.status = 'FAILED' AND n.updated_at < now() - make_interval(mins => ?)"
                                + " AND NOT EXISTS (SELECT 1 FROM message_retries r"
                                + " WHERE r.type = ? AND r.body::jsonb #>> '{payload,id}' = n.id::text)"
                                + " ORDER BY n.updated_at LIMIT 1000",
                        olderThanMinutes,
                        MESSAGE)
                .size();
    }

    /** Puts rows back to QUEUED, from their first attempt, each with a fresh message. */
    private List<Long> requeue(String where, Object... values) {
        return sendAgain("status = 'QUEUED', attempts = 0, queued_at = now(), updated_at = now()", where, values);
    }

    /**
     * Sets the rows the condition picks (the table is {@code n}; rows locked elsewhere are skipped)
     * and sends each a message for the attempt after the one its row now counts.
     */
    private List<Long> sendAgain(String set, String where, Object... values) {
        String sql = "UPDATE notifications SET " + set
                + " WHERE id IN (SELECT id FROM notifications n " + where + " FOR UPDATE SKIP LOCKED)"
                + " RETURNING id, priority, attempts";
        var ids = new ArrayList<Long>();
        try (Connection db = primary.getConnection();
                PreparedStatement update = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    send(rows.getLong(1), Priority.valueOf(rows.getString(2)), rows.getInt(3) + 1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot send notifications again: " + e.getMessage(), e);
        }
        return ids;
    }

    private void send(long id, Priority priority, int attempt) {
        messages.send(
                queue,
                new Envelope(
                        MESSAGE,
                        1,
                        "notification-" + id + "-" + System.nanoTime(),
                        Jsons.JSON.createObjectBuilder().add("id", id).build()),
                priority.jms(),
                attempt);
    }
}
