package ro.runner.marketplace.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import ro.runner.runs.boundary.ScheduledTask;

/**
 * The schedule {@code marketplace-sync-log-cleanup}: the marketplace's log is its rows in the run
 * ledger (every sync, acknowledgement, callback, offer job and check) and the pushed or refused offer
 * changes; both are deleted after {@code days} (default 30). Unfinished rows are kept.
 */
@ApplicationScoped
public class SyncLogCleanupTask implements ScheduledTask {

    public static final String NAME = "marketplace-sync-log-cleanup";

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Map<String, String> parameters) throws SQLException {
        int days = Integer.parseInt(parameters.getOrDefault("days", "30"));
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        try (var c = primary.getConnection();
                var runs = c.prepareStatement("DELETE FROM runs WHERE name LIKE 'marketplace-%' AND status <> 'RUNNING'"
                        + " AND started_at < now() - make_interval(days => ?)");
                var changes = c.prepareStatement("DELETE FROM marketplace_offer_changes WHERE (pushed_at IS NOT NULL"
                        + " OR error IS NOT NULL) AND requested_at < now() - make_interval(days => ?)")) {
            runs.setInt(1, days);
            changes.setInt(1, days);
            int r = runs.executeUpdate();
            int o = changes.executeUpdate();
            return r + " marketplace runs and " + o + " offer changes older than " + days + " days deleted";
        }
    }
}
