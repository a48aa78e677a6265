package ro.runner.marketplace.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ro.runner.marketplace.control.EmagRefused;
import ro.runner.marketplace.control.MarketplaceGateway;
import ro.runner.marketplace.control.OfferSave;
import ro.runner.marketplace.control.OfferStore;
import ro.runner.marketplace.control.SyncProgress;
import ro.runner.marketplace.entity.Connection;
import ro.runner.marketplace.entity.EmagAnswer;
import ro.runner.marketplace.entity.OfferChange;
import ro.runner.runs.entity.Jsons;

/**
 * What the offer jobs ({@code marketplace-product-sync}, {@code marketplace-offer-push}) do in the
 * ejb module: calls to eMAG run outside any transaction (they wait for rate-limit slots), writes join
 * the caller's transaction — a batch chunk's — so a page or a push is recorded exactly when its chunk
 * commits.
 */
@Stateless
public class MarketplaceOffers {

    public static final String PRODUCT_SYNC = "marketplace-product-sync";
    public static final String OFFER_PUSH = "marketplace-offer-push";
    public static final int PAGE = 100;

    /** What one save did: the changes eMAG accepted with what was sent, the refused ones with why. */
    public record Pushed(
            List<OfferChange> accepted, List<JsonObject> sent, Map<OfferChange, String> refused, int requests) {}

    @EJB
    MarketplaceAccounts accounts;

    @EJB
    OfferStore store;

    @Inject
    MarketplaceGateway gateway;

    @Inject
    OfferSave save;

    @Inject
    SyncProgress progress;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long countOffers(String account) {
        Connection c = accounts.connection(account);
        return refuseErrors(c, gateway.call(c, "product_offer/count", "{\"itemsPerPage\":" + PAGE + "}"))
                .count();
    }

    /** One page (1-based) of 100 offers, in eMAG's order (by id). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<JsonObject> readPage(String account, int page) {
        Connection c = accounts.connection(account);
        String body = Jsons.JSON
                .createObjectBuilder()
                .add("currentPage", page)
                .add("itemsPerPage", PAGE)
                .build()
                .toString();
        return refuseErrors(c, gateway.call(c, "product_offer/read", body)).items();
    }

    public OfferStore.Stored store(String account, List<JsonObject> offers) {
        return store.upsert(account, offers);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int collectCatalogChanges(String account) {
        accounts.connection(account);
        return store.collectCatalogChanges(account);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OfferChange> pending(String account, long afterId, int limit) {
        return store.pending(account, afterId, limit);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long pendingCount(String account) {
        return store.pendingCount(account);
    }

    /**
     * Takes the account's push lock for the caller's transaction (a chunk) and answers which of the
     * ids are still pending: a second execution, or a restart after a crash, never sends a change
     * another one has recorded.
     */
    public List<Long> lockStillPending(String account, List<Long> ids) {
        return store.lockStillPending(account, ids);
    }

    /** Sends the changes (one per offer, at most 50) with product_offer/save; writes nothing. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Pushed push(String account, List<OfferChange> changes) {
        Connection c = accounts.connection(account);
        Map<Long, JsonObject> current = store.payloads(
                account, changes.stream().map(OfferChange::offerId).toList());
        OfferSave.Outcome outcome = save.save(c, changes, current);
        List<JsonObject> sent = new ArrayList<>();
        outcome.accepted().forEach(change -> sent.add(OfferSave.item(change, current.get(change.offerId()))));
        return new Pushed(outcome.accepted(), sent, outcome.refused(), outcome.requests());
    }

    /** Records a push in the caller's transaction: accepted ids pushed, refused ids with eMAG's message. */
    public void recordPush(
            String account,
            List<Long> acceptedIds,
            List<JsonObject> sent,
            Map<List<Long>, String> refused,
            long execution) {
        if (!acceptedIds.isEmpty()) {
            store.pushed(account, acceptedIds, sent, execution);
        }
        refused.forEach((ids, error) -> store.refused(ids, error, execution));
    }

    public void progressStart(String account, String what, long pagesTotal, long pagesDone) {
        progress.start(account, what, pagesTotal, pagesDone);
    }

    public void progressPage(String account, String what, long items) {
        progress.page(account, what, items);
    }

    public void progressFinish(String account, String what) {
        progress.finish(account, what);
    }

    private static EmagAnswer refuseErrors(Connection c, EmagAnswer answer) {
        if (answer.isError()) {
            throw new EmagRefused(c.account() + ": " + answer.describe());
        }
        return answer;
    }
}
