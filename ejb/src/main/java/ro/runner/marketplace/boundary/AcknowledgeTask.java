package ro.runner.marketplace.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import ro.runner.runs.boundary.ScheduledTask;

/** The schedule {@code marketplace-order-acknowledge}: stored new orders of every enabled MAIN account. */
@ApplicationScoped
public class AcknowledgeTask implements ScheduledTask {

    @Inject
    MarketplaceSync sync;

    @Override
    public String name() {
        return MarketplaceSync.ACKNOWLEDGE;
    }

    @Override
    public String run(Map<String, String> parameters) {
        return sync.forEachAccount(account -> sync.acknowledge(account, "schedule"));
    }
}
