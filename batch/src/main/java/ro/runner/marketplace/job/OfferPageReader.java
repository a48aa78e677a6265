package ro.runner.marketplace.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.List;
import ro.runner.marketplace.boundary.MarketplaceOffers;

/**
 * Reads an account's offers a page of 100 at a time until a short or empty page. Its checkpoint is
 * the next page to read, so a restart goes on after the last committed page.
 */
@Dependent
@Named("offerPageReader")
public class OfferPageReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String account;

    @EJB
    MarketplaceOffers offers;

    private int nextPage;
    private boolean done;

    @Override
    public void open(Serializable checkpoint) {
        nextPage = checkpoint instanceof Integer page ? page : 1;
        long total = offers.countOffers(account);
        long pages = (total + MarketplaceOffers.PAGE - 1) / MarketplaceOffers.PAGE;
        offers.progressStart(account, "offers", pages, nextPage - 1);
    }

    @Override
    public Object readItem() {
        if (done) {
            return null;
        }
        List<JsonObject> page = offers.readPage(account, nextPage);
        if (page.isEmpty()) {
            done = true;
            return null;
        }
        done = page.size() < MarketplaceOffers.PAGE;
        return new OfferPage(nextPage++, page);
    }

    @Override
    public Serializable checkpointInfo() {
        return nextPage;
    }
}
