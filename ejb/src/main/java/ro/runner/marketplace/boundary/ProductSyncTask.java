package ro.runner.marketplace.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import ro.runner.runs.boundary.ScheduledTask;

/** The schedule {@code marketplace-product-sync}: one product-sync job per enabled account. */
@ApplicationScoped
public class ProductSyncTask implements ScheduledTask {

    @Inject
    OfferJobs jobs;

    @Override
    public String name() {
        return MarketplaceOffers.PRODUCT_SYNC;
    }

    @Override
    public String run(Map<String, String> parameters) {
        return jobs.syncAll();
    }
}
