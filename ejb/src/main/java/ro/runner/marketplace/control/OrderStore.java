package ro.runner.marketplace.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import ro.runner.marketplace.entity.EmagAnswer;

/**
 * Stores eMAG orders keyed by (account, eMAG order id): a page is upserted in one transaction, an
 * older copy never overwrites a newer one, and the acknowledgement mark survives later syncs. Each
 * stored order is also kept among the shop's Orders ({@link OrderCopies}).
 */
@Stateless
public class OrderStore {

    public static final DateTimeFormatter EMAG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What one page did. */
    public record Stored(int inserted, int updated, LocalDateTime newestModified) {}

    private static final String UPSERT =
            """
            INSERT INTO marketplace_orders (account, order_id, type, status, modified, customer_name, payload)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
            ON CONFLICT (account, order_id) DO UPDATE
              SET type = EXCLUDED.type, status = EXCLUDED.status, modified = EXCLUDED.modified,
                  customer_name = EXCLUDED.customer_name, payload = EXCLUDED.payload, updated_at = now()
              WHERE marketplace_orders.modified <= EXCLUDED.modified
            RETURNING (xmax = 0)
            """;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    public Stored upsert(String account, List<JsonObject> orders) {
        int inserted = 0;
        int updated = 0;
        LocalDateTime newest = null;
        try (var c = primary.getConnection();
                var s = c.prepareStatement(UPSERT)) {
            for (JsonObject order : orders) {
                var id = EmagAnswer.decimal(order, "id");
                if (id == null) {
                    throw new IllegalArgumentException("eMAG sent an order without an id: " + order);
                }
                LocalDateTime modified = time(EmagAnswer.text(order, "modified"));
                var status = EmagAnswer.decimal(order, "status");
                var type = EmagAnswer.decimal(order, "type");
                s.setString(1, account);
                s.setLong(2, id.longValue());
                s.setInt(3, type == null ? 3 : type.intValue());
                s.setInt(4, status == null ? -1 : status.intValue());
                s.setTimestamp(5, Timestamp.valueOf(modified));
                s.setString(
                        6,
                        order.get("customer") instanceof JsonObject customer
                                ? EmagAnswer.text(customer, "name")
                                : null);
                s.setString(7, order.toString());
                boolean changed = false;
                try (var rs = s.executeQuery()) {
                    if (rs.next()) {
                        changed = true;
                        if (rs.getBoolean(1)) {
                            inserted++;
                        } else {
                            updated++;
                        }
                    }
                }
                if (changed) {
                    OrderCopies.copy(c, account, id.longValue(), status == null ? -1 : status.intValue(), order);
                }
                if (newest == null || modified.isAfter(newest)) {
                    newest = modified;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing orders of " + account + " failed: " + e.getMessage(), e);
        }
        return new Stored(inserted, updated, newest);
    }

    /** Stored orders still new on eMAG and not yet acknowledged by us; never FBE (type 2). */
    public List<Long> toAcknowledge(String account, int limit) {
        List<Long> ids = new ArrayList<>();
        try (var c = primary.getConnection();
                var s = c.prepareStatement("SELECT order_id FROM marketplace_orders WHERE account = ? AND status = 1"
                        + " AND acknowledged_at IS NULL AND type <> 2 ORDER BY order_id LIMIT ?")) {
            s.setString(1, account);
            s.setInt(2, limit);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return ids;
    }

    public void acknowledged(String account, long orderId) {
        try (var c = primary.getConnection();
                var s = c.prepareStatement("UPDATE marketplace_orders SET acknowledged_at = now(), status = 2,"
                        + " updated_at = now() WHERE account = ? AND order_id = ? AND acknowledged_at IS NULL")) {
            s.setString(1, account);
            s.setLong(2, orderId);
            if (s.executeUpdate() == 1) {
                OrderCopies.acknowledged(c, account, orderId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static LocalDateTime time(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("eMAG sent an order without a modified time");
        }
        return LocalDateTime.parse(text.trim().replace('T', ' ').substring(0, 19), EMAG_TIME);
    }
}
