package ro.runner.marketplace.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ro.runner.marketplace.boundary.MarketplaceOffers;

/** Takes a finished (or failed, or stopped) offer job off the progress API. */
@Dependent
@Named("offerJobListener")
public class OfferJobListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    String account;

    @Inject
    @BatchProperty
    String what;

    @EJB
    MarketplaceOffers offers;

    @Override
    public void afterJob() {
        offers.progressFinish(account, what);
    }
}
