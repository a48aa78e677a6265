package ro.runner.marketplace.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import ro.runner.runs.boundary.ScheduledTask;

/** The schedule {@code marketplace-order-sync}: every enabled account's orders, parameter overlapMinutes. */
@ApplicationScoped
public class OrderSyncTask implements ScheduledTask {

    @Inject
    MarketplaceSync sync;

    @Override
    public String name() {
        return MarketplaceSync.SYNC;
    }

    @Override
    public String run(Map<String, String> parameters) {
        int overlap = Integer.parseInt(parameters.getOrDefault("overlapMinutes", "10"));
        return sync.forEachAccount(account -> sync.syncOrders(account, overlap, "schedule"));
    }
}
