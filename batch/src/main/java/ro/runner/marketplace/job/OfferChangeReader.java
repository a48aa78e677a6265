package ro.runner.marketplace.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import ro.runner.marketplace.boundary.MarketplaceOffers;
import ro.runner.marketplace.control.OfferSave;
import ro.runner.marketplace.entity.OfferChange;

/**
 * Reads an account's pending changes in id order (first copying the catalogue's new price/stock
 * changes of offers it sells). Its checkpoint is the last change id handed on; pushed and refused
 * changes are never read again, so a restart only sees what no committed chunk recorded.
 */
@Dependent
@Named("offerChangeReader")
public class OfferChangeReader extends AbstractItemReader {

    private static final int FETCH = 500;

    @Inject
    @BatchProperty
    String account;

    @EJB
    MarketplaceOffers offers;

    private long lastId;
    private final Deque<OfferChange> buffer = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint instanceof Long id ? id : 0L;
        offers.collectCatalogChanges(account);
        long pending = offers.pendingCount(account);
        offers.progressStart(account, "offer-push", (pending + OfferSave.MAX_SAVE - 1) / OfferSave.MAX_SAVE, 0);
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty()) {
            buffer.addAll(offers.pending(account, lastId, FETCH));
        }
        OfferChange change = buffer.poll();
        if (change != null) {
            lastId = change.id();
        }
        return change;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
