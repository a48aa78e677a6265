package ro.runner.orders.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The progressive delay of promo-code guessing: after {@code runner.promo.free-failures} (5) failed
 * validations a client must wait before the next one is looked at — 1 s after the 5th failure, then
 * twice as long after each further one, at most {@code runner.promo.max-delay-seconds} (60). A valid
 * code, or 15 minutes without a failure, starts the count again. The counts live in PostgreSQL
 * (promo_failures) so every node sees them; each call commits on its own.
 */
@ApplicationScoped
public class PromoGuard {

    static final int WINDOW_MINUTES = 15;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    /** Seconds the client must still wait before its next validation; 0 when it may go on. */
    public long waitSeconds(String client) {
        try (Connection db = primary.getConnection();
                PreparedStatement query = db.prepareStatement("SELECT failures,"
                        + " extract(epoch FROM (last_failure_at - now())) * 1000 FROM promo_failures"
                        + " WHERE client = ? AND last_failure_at > now() - make_interval(mins => ?)")) {
            query.setString(1, client);
            query.setInt(2, WINDOW_MINUTES);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return 0;
                }
                long sinceLastMillis = -row.getLong(2);
                long remaining = delaySeconds(row.getInt(1)) * 1000 - sinceLastMillis;
                return remaining <= 0 ? 0 : (remaining + 999) / 1000;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read promo-code failures: " + e.getMessage(), e);
        }
    }

    /** The delay after the given number of failures in a row. */
    static long delaySeconds(int failures) {
        int free = ConfigProvider.getConfig()
                .getOptionalValue("runner.promo.free-failures", Integer.class)
                .orElse(5);
        long max = ConfigProvider.getConfig()
                .getOptionalValue("runner.promo.max-delay-seconds", Long.class)
                .orElse(60L);
        return delaySeconds(failures, free, max);
    }

    static long delaySeconds(int failures, int free, long max) {
        if (failures < free) {
            return 0;
        }
        int doublings = Math.min(failures - free, 20);
        return Math.min(max, 1L << doublings);
    }

    public void failed(String client) {
        execute(
                "INSERT INTO promo_failures (client, failures, last_failure_at) VALUES (?, 1, now())"
                        + " ON CONFLICT (client) DO UPDATE SET failures = CASE WHEN promo_failures.last_failure_at"
                        + " > now() - make_interval(mins => " + WINDOW_MINUTES + ") THEN promo_failures.failures + 1"
                        + " ELSE 1 END, last_failure_at = now()",
                client);
    }

    public void succeeded(String client) {
        execute("DELETE FROM promo_failures WHERE client = ?", client);
    }

    private void execute(String sql, String client) {
        try (Connection db = primary.getConnection();
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, client);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a promo-code validation: " + e.getMessage(), e);
        }
    }
}
