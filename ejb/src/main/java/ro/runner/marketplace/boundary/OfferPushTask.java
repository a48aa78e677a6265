package ro.runner.marketplace.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import ro.runner.runs.boundary.ScheduledTask;

/** The schedule {@code marketplace-offer-push}: one push job per enabled account with pending changes. */
@ApplicationScoped
public class OfferPushTask implements ScheduledTask {

    @Inject
    OfferJobs jobs;

    @Override
    public String name() {
        return MarketplaceOffers.OFFER_PUSH;
    }

    @Override
    public String run(Map<String, String> parameters) {
        return jobs.pushAll();
    }
}
