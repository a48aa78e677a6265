package ro.runner.marketplace.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ro.runner.runs.boundary.BatchJobs;

/**
 * Starts the offer jobs for one account, or for every enabled account (the schedules), through the
 * batch port — so every execution is an ordinary job execution that the console and asadmin list,
 * stop and restart. The push is started only for accounts that have something to push.
 */
@ApplicationScoped
public class OfferJobs {

    @EJB
    BatchJobs batch;

    @EJB
    MarketplaceAccounts accounts;

    @EJB
    MarketplaceOffers offers;

    public long syncOffers(String account) {
        accounts.connection(account);
        return batch.start(MarketplaceOffers.PRODUCT_SYNC, Map.of("account", account));
    }

    public long pushOffers(String account) {
        accounts.connection(account);
        return batch.start(MarketplaceOffers.OFFER_PUSH, Map.of("account", account));
    }

    String syncAll() {
        var started = new ArrayList<String>();
        for (String account : accounts.enabled()) {
            started.add(account + " execution " + syncOffers(account));
        }
        return started.isEmpty() ? "no enabled accounts" : "started " + String.join(", ", started);
    }

    String pushAll() {
        List<String> started = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        for (String account : accounts.enabled()) {
            offers.collectCatalogChanges(account);
            if (offers.pendingCount(account) > 0) {
                started.add(account + " execution " + pushOffers(account));
            } else {
                idle.add(account);
            }
        }
        return (started.isEmpty() ? "nothing to push" : "started " + String.join(", ", started))
                + (idle.isEmpty() ? "" : "; nothing pending for " + String.join(", ", idle));
    }
}
