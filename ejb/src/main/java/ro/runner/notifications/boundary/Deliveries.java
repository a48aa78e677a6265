package ro.runner.notifications.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import ro.runner.runs.entity.Jsons;

/**
 * The delivery ledger of notifications, each step committed on its own (the mail itself is not
 * transactional): an attempt starts (SENDING, attempts + 1), then ends SENT with its time and
 * Message-ID, or FAILED (DEAD on the last attempt) with the error.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Deliveries {

    /** What an attempt needs: the row's type, recipient, model and attempt number. */
    public record Attempt(long id, String type, String recipient, JsonObject model, int attempt) {}

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    /**
     * Starts an attempt; empty when the notification is SENT already (a redelivered message). A row
     * not visible yet means the transaction that wrote it with its message is still committing (the
     * broker's branch of the XA transaction may commit first): that is a failure, so the message is
     * retried after a delay rather than consumed with its row left QUEUED.
     */
    public Optional<Attempt> start(long id) {
        try (Connection db = primary.getConnection()) {
            // Twice at most: a row that became visible between the update and the status query (its
            // transaction committed just then) is updated on the second pass. Taking it for SENT
            // left it QUEUED with its message consumed (seen in the crash drill).
            for (int pass = 0; pass < 2; pass++) {
                Optional<Attempt> attempt = begin(db, id);
                if (attempt.isPresent()) {
                    return attempt;
                }
                String status = status(db, id);
                if ("SENT".equals(status)) {
                    return Optional.empty();
                }
                if (status == null) {
                    break;
                }
            }
            throw new IllegalStateException(
                    "notification " + id + " is not visible yet: its transaction is still committing");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start delivering notification " + id, e);
        }
    }

    private static Optional<Attempt> begin(Connection db, long id) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE notifications SET status = 'SENDING', attempts = attempts + 1, updated_at = now()"
                        + " WHERE id = ? AND status <> 'SENT' RETURNING type, recipient, model::text, attempts")) {
            update.setLong(1, id);
            try (ResultSet row = update.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                try (var reader = Jsons.JSON.createReader(new StringReader(row.getString(3)))) {
                    return Optional.of(
                            new Attempt(id, row.getString(1), row.getString(2), reader.readObject(), row.getInt(4)));
                }
            }
        }
    }

    private static String status(Connection db, long id) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT status FROM notifications WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    public void sent(long id, String subject, String messageId) {
        update(
                "UPDATE notifications SET status = 'SENT', sent_at = now(), updated_at = now(), subject = ?, message_id = ?,"
                        + " last_error = NULL WHERE id = ?",
                subject,
                messageId,
                id);
    }

    public void failed(long id, String error, boolean dead) {
        update(
                "UPDATE notifications SET status = ?, last_error = ?, updated_at = now() WHERE id = ?",
                dead ? "DEAD" : "FAILED",
                error,
                id);
    }

    private void update(String sql, Object... values) {
        try (Connection db = primary.getConnection();
                PreparedStatement update = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a delivery: " + e.getMessage(), e);
        }
    }
}
