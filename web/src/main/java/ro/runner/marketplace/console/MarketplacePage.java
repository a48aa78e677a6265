package ro.runner.marketplace.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ro.runner.marketplace.boundary.MarketplaceStatus;
import ro.runner.marketplace.boundary.MarketplaceSync;
import ro.runner.marketplace.boundary.OfferChanges;
import ro.runner.marketplace.boundary.OfferJobs;
import ro.runner.marketplace.entity.AccountStatus;
import ro.runner.marketplace.entity.OfferPushStatus;
import ro.runner.marketplace.entity.Progress;
import ro.runner.runs.console.OperatorAction;

/**
 * The Marketplace page: each eMAG account with its health, last success and last error, the syncs
 * running now with their progress (refreshed by a poll), "sync now" for operators, and each
 * account's offer push: pending changes, refusals, the last push run, "push now" and "sync offers".
 */
@Named
@ViewScoped
public class MarketplacePage implements Serializable {

    @EJB
    MarketplaceStatus status;

    @Inject
    MarketplaceSync sync;

    @EJB
    OfferChanges offerChanges;

    @Inject
    OfferJobs offerJobs;

    public List<AccountStatus> getAccounts() {
        return status.accounts();
    }

    public List<Progress> getProgress() {
        return status.progress();
    }

    public List<OfferPushStatus> getOfferPush() throws java.sql.SQLException {
        return offerChanges.status();
    }

    public long percent(Progress p) {
        return p.pagesTotal() == 0 ? 0 : Math.min(100, 100 * p.pagesDone() / p.pagesTotal());
    }

    @OperatorAction
    public void syncNow(String account) {
        try {
            message(FacesMessage.SEVERITY_INFO, account + ": " + sync.syncOrders(account, 10, "console"));
        } catch (Exception e) {
            message(FacesMessage.SEVERITY_ERROR, account + ": " + e.getMessage());
        }
    }

    @OperatorAction
    public void pushNow(String account) {
        try {
            message(
                    FacesMessage.SEVERITY_INFO,
                    account + ": offer push started, execution " + offerJobs.pushOffers(account));
        } catch (RuntimeException e) {
            message(FacesMessage.SEVERITY_ERROR, account + ": " + e.getMessage());
        }
    }

    @OperatorAction
    public void syncOffersNow(String account) {
        try {
            message(
                    FacesMessage.SEVERITY_INFO,
                    account + ": product sync started, execution " + offerJobs.syncOffers(account));
        } catch (RuntimeException e) {
            message(FacesMessage.SEVERITY_ERROR, account + ": " + e.getMessage());
        }
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
