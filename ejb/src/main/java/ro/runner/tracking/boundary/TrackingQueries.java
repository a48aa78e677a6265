package ro.runner.tracking.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What tracking did for an order, for the console's order detail; read on the replica. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrackingQueries {

    /** One tracked status: when, and the customer it was attributed to. */
    public record Tracked(String status, Instant trackedAt, Long customerId) {}

    @Resource(lookup = "java:app/jdbc/replica")
    DataSource replica;

    public List<Tracked> of(long orderId) {
        try (var db = replica.getConnection();
                var query = db.prepareStatement(
                        "SELECT status, tracked_at, customer_id FROM order_tracking WHERE order_id = ? ORDER BY tracked_at")) {
            query.setLong(1, orderId);
            var tracked = new ArrayList<Tracked>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    long customer = rows.getLong(3);
                    tracked.add(new Tracked(
                            rows.getString(1), rows.getTimestamp(2).toInstant(), rows.wasNull() ? null : customer));
                }
            }
            return tracked;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tracking of order " + orderId, e);
        }
    }
}
