package ro.runner.marketplace.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import javax.sql.DataSource;
import ro.runner.marketplace.entity.RouteClass;

/**
 * The rate limiter every node shares: a slot per request from the database function
 * {@code marketplace_take_slot} (V5), which hands out at most the budget per calendar second of the
 * database clock, all slots in the first {@code 1 - GUARD} of the second, so jitter between leaving
 * here and arriving at eMAG does not push a second over the budget. Outside any transaction: the
 * row lock lasts one call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RateLimits {

    static final double GUARD = 0.2;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    /** Reserves the next slot; answers how many milliseconds to wait before sending. */
    public long reserve(String account, RouteClass routeClass) {
        try (var c = primary.getConnection();
                var s = c.prepareStatement("SELECT marketplace_take_slot(?, ?, ?, ?)")) {
            s.setString(1, account);
            s.setString(2, routeClass.name());
            s.setInt(3, routeClass.perSecond);
            s.setDouble(4, GUARD);
            try (var rs = s.executeQuery()) {
                rs.next();
                return (long) Math.ceil(rs.getDouble(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limiter unavailable: " + e.getMessage(), e);
        }
    }
}
