package ro.runner.marketplace.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ro.runner.marketplace.boundary.MarketplaceOffers;
import ro.runner.marketplace.control.OfferStore;

/** Upserts each page of offers in the chunk's transaction and keeps the counts for the run ledger. */
@Dependent
@Named("offerPageWriter")
public class OfferPageWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String account;

    @Inject
    JobContext job;

    @EJB
    MarketplaceOffers offers;

    private SyncCounts counts;

    @Override
    public void open(Serializable checkpoint) {
        counts = checkpoint instanceof SyncCounts c ? c : SyncCounts.NONE;
        job.setExitStatus(counts.summary(account));
    }

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            OfferPage page = (OfferPage) item;
            OfferStore.Stored stored = offers.store(account, page.offers());
            counts = counts.plus(1, page.offers().size(), stored.inserted(), stored.updated());
            offers.progressPage(account, "offers", page.offers().size());
        }
        job.setExitStatus(counts.summary(account));
    }

    @Override
    public Serializable checkpointInfo() {
        return counts;
    }
}
