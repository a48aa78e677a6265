package ro.runner.marketplace.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ro.runner.marketplace.boundary.MarketplaceOffers;
import ro.runner.marketplace.entity.OfferChange;

/**
 * Pushes one chunk (at most 50 changes) as one save: takes the account's push lock, drops changes
 * another execution recorded meanwhile, merges changes of the same offer (the newest price and
 * stock win), sends, and records accepted and refused changes in the chunk's transaction.
 */
@Dependent
@Named("offerChangeWriter")
public class OfferChangeWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String account;

    @Inject
    JobContext job;

    @EJB
    MarketplaceOffers offers;

    private PushCounts counts;

    @Override
    public void open(Serializable checkpoint) {
        counts = checkpoint instanceof PushCounts c ? c : PushCounts.NONE;
        job.setExitStatus(counts.summary(account));
    }

    @Override
    public void writeItems(List<Object> items) {
        List<Long> ids = items.stream().map(i -> ((OfferChange) i).id()).toList();
        var still = new java.util.HashSet<>(offers.lockStillPending(account, ids));
        Map<Long, List<OfferChange>> byOffer = new LinkedHashMap<>();
        for (Object item : items) {
            OfferChange change = (OfferChange) item;
            if (still.contains(change.id())) {
                byOffer.computeIfAbsent(change.offerId(), o -> new ArrayList<>())
                        .add(change);
            }
        }
        if (byOffer.isEmpty()) {
            return;
        }
        Map<OfferChange, List<Long>> merged = new LinkedHashMap<>();
        byOffer.values()
                .forEach(group -> merged.put(
                        merge(group), group.stream().map(OfferChange::id).toList()));
        MarketplaceOffers.Pushed pushed = offers.push(account, new ArrayList<>(merged.keySet()));
        List<Long> accepted = new ArrayList<>();
        pushed.accepted().forEach(change -> accepted.addAll(merged.get(change)));
        Map<List<Long>, String> refused = new HashMap<>();
        pushed.refused().forEach((change, why) -> refused.put(merged.get(change), why));
        offers.recordPush(account, accepted, pushed.sent(), refused, job.getExecutionId());
        long refusedCount = refused.keySet().stream().mapToLong(List::size).sum();
        counts = counts.plus(accepted.size(), refusedCount, pushed.requests());
        offers.progressPage(account, "offer-push", accepted.size());
        job.setExitStatus(counts.summary(account));
    }

    @Override
    public Serializable checkpointInfo() {
        return counts;
    }

    private OfferChange merge(List<OfferChange> group) {
        OfferChange last = group.get(group.size() - 1);
        var price = last.salePrice();
        var stock = last.stock();
        for (int i = group.size() - 2; i >= 0 && (price == null || stock == null); i--) {
            price = price == null ? group.get(i).salePrice() : price;
            stock = stock == null ? group.get(i).stock() : stock;
        }
        return new OfferChange(last.id(), account, last.offerId(), price, stock);
    }
}
