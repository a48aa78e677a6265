package ro.runner.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.runner.marketplace.api.MarketplaceApi.count;
import static ro.runner.marketplace.api.MarketplaceApi.execute;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;

/**
 * The marketplace's housekeeping schedules from V8, run as an operator runs them ("run now"): the
 * clean-up deletes only finished marketplace rows older than 30 days, the health check fails naming
 * a sick account, and no marketplace schedule fires on a round clock time.
 */
@ExtendWith(ArquillianExtension.class)
class MarketplaceSchedulesIT {

    private static final List<String> SCHEDULES = List.of(
            "marketplace-product-sync",
            "marketplace-offer-push",
            "marketplace-sync-log-cleanup",
            "marketplace-health-check");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void noMarketplaceScheduleFiresOnARoundClockTime() {
        JsonArray all =
                (JsonArray) Json.any(MarketplaceApi.get("/api/schedules").body());
        var names = all.getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("name").startsWith("marketplace-"))
                .toList();

        assertThat(names.stream().map(s -> s.getString("name"))).containsAll(SCHEDULES);
        for (JsonObject schedule : names) {
            String[] fields = schedule.getString("expression").split(" ");
            assertThat(fields[0]).as(schedule.toString()).isNotIn("0", "*");
            assertThat(fields[1]).as(schedule.toString()).doesNotStartWith("0").doesNotStartWith("*");
        }
    }

    @Test
    void theCleanupDeletesOnlyFinishedMarketplaceRowsOlderThan30Days() throws Exception {
        MarketplaceApi.account("main", "MAIN", "runner-main", "main-secret");
        String marker = "cleanup" + System.nanoTime();
        insertRun("marketplace-order-sync", "SUCCEEDED", 40, marker);
        insertRun("marketplace-offer-push", "FAILED", 31, marker);
        insertRun("marketplace-order-sync", "SUCCEEDED", 10, marker);
        insertRun("runs-retention", "SUCCEEDED", 40, marker);
        execute("INSERT INTO marketplace_offer_changes (account, offer_id, sale_price, source, requested_at, pushed_at)"
                + " VALUES ('main', 987654321, 10, 'API', now() - interval '40 days', now() - interval '40 days'),"
                + " ('main', 987654322, 10, 'API', now() - interval '40 days', NULL),"
                + " ('main', 987654323, 10, 'API', now() - interval '5 days', now() - interval '5 days')");

        var run = MarketplaceApi.post("/api/schedules/marketplace-sync-log-cleanup/run", "");

        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        assertThat(count("SELECT count(*) FROM runs WHERE tags = 'test=" + marker + "'"
                        + " AND name LIKE 'marketplace-%' AND started_at < now() - interval '30 days'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM runs WHERE tags = 'test=" + marker
                        + "' AND name = 'marketplace-order-sync'"))
                .as("10 days old: kept")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM runs WHERE tags = 'test=" + marker + "' AND name = 'runs-retention'"))
                .as("not the marketplace's")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM marketplace_offer_changes WHERE offer_id = 987654321"))
                .isZero();
        assertThat(count("SELECT count(*) FROM marketplace_offer_changes WHERE offer_id IN (987654322, 987654323)"))
                .as("pending, or recent: kept")
                .isEqualTo(2);
        execute("DELETE FROM marketplace_offer_changes WHERE offer_id IN (987654322, 987654323)");
    }

    @Test
    void theHealthCheckFailsNamingASickAccount() throws Exception {
        MarketplaceApi.account("sick", "MAIN", "runner-main", "not-the-secret");
        try {
            long before = count("SELECT count(*) FROM runs WHERE name = 'marketplace-health-check'");

            var run = MarketplaceApi.post("/api/schedules/marketplace-health-check/run", "");

            assertThat(run.statusCode()).as(run.body()).isGreaterThanOrEqualTo(400);
            assertThat(count("SELECT count(*) FROM runs WHERE name = 'marketplace-health-check'"))
                    .isEqualTo(before + 1);
            assertThat(count("SELECT count(*) FROM runs WHERE name = 'marketplace-health-check' AND status = 'FAILED'"
                            + " AND error LIKE '%sick health 0%'"))
                    .isPositive();
        } finally {
            MarketplaceApi.put("/api/marketplace/accounts/sick", "{\"enabled\":false}");
        }
    }

    private static void insertRun(String name, String status, int daysAgo, String marker) throws Exception {
        execute("INSERT INTO runs (kind, name, status, started_at, ended_at, duration_ms, tags) VALUES ('TIMER', '"
                + name
                + "', '" + status + "', now() - interval '" + daysAgo + " days', now() - interval '" + daysAgo
                + " days', 5, 'test=" + marker + "')");
    }
}
