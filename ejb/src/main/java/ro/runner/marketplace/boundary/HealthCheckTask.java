package ro.runner.marketplace.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Map;
import ro.runner.marketplace.entity.AccountStatus;
import ro.runner.runs.boundary.ScheduledTask;

/**
 * The schedule {@code marketplace-health-check}: fails its run, naming each account and why, when an
 * enabled account's health score is below {@code minHealth} (default 50) or its circuit is open, so
 * the run ledger and the alerts see a sick account within 15 minutes.
 */
@ApplicationScoped
public class HealthCheckTask implements ScheduledTask {

    public static final String NAME = "marketplace-health-check";

    @EJB
    MarketplaceStatus status;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Map<String, String> parameters) {
        int minHealth = Integer.parseInt(parameters.getOrDefault("minHealth", "50"));
        var bad = new ArrayList<String>();
        var good = new ArrayList<String>();
        for (AccountStatus account : status.accounts()) {
            if (!account.enabled()) {
                continue;
            }
            if (account.circuitOpen() || account.health() < minHealth) {
                bad.add(account.account() + " health " + account.health()
                        + (account.circuitOpen() ? ", circuit open" : "")
                        + (account.lastError() == null ? "" : ", last error: " + account.lastError()));
            } else {
                good.add(account.account() + " health " + account.health());
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalStateException("unhealthy: " + String.join("; ", bad)
                    + (good.isEmpty() ? "" : "; healthy: " + String.join(", ", good)));
        }
        return good.isEmpty() ? "no enabled accounts" : String.join(", ", good);
    }
}
