package ro.runner.marketplace.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ro.runner.marketplace.boundary.MarketplaceAccounts;
import ro.runner.marketplace.boundary.MarketplaceStatus;
import ro.runner.marketplace.boundary.MarketplaceSync;
import ro.runner.marketplace.boundary.OfferChanges;
import ro.runner.marketplace.boundary.OfferJobs;
import ro.runner.marketplace.entity.AccountStatus;
import ro.runner.marketplace.entity.AccountType;
import ro.runner.marketplace.entity.AccountView;
import ro.runner.marketplace.entity.OfferPushStatus;
import ro.runner.marketplace.entity.Progress;
import ro.runner.runs.console.OperatorAction;

/**
 * The Marketplace page: each eMAG account with its health, last success and last error, the syncs
 * running now with their progress (refreshed by a poll), "sync now" for operators, and each
 * account's offer push: pending changes, refusals, the last push run, "push now" and "sync offers";
 * and the accounts' settings (platform URL, user, password — written, never shown —, type, enabled).
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

    @EJB
    MarketplaceAccounts accountSettings;

    /** The account form: a new account, or the one "Edit" loaded. A blank password keeps the stored one. */
    private String name;

    private AccountType type = AccountType.MAIN;
    private String baseUrl;
    private String username;
    private String password;
    private boolean enabled = true;

    public List<AccountView> getSettings() {
        return accountSettings.list();
    }

    public void edit(AccountView account) {
        name = account.name();
        type = account.type();
        baseUrl = account.baseUrl();
        username = account.username();
        password = null;
        enabled = account.enabled();
    }

    public void newAccount() {
        name = null;
        type = AccountType.MAIN;
        baseUrl = null;
        username = null;
        password = null;
        enabled = true;
    }

    /** Saves the form; the account entity checks the values and its message is shown when one is refused. */
    @OperatorAction
    public void saveAccount() {
        try {
            accountSettings.save(
                    name,
                    type,
                    baseUrl == null ? null : baseUrl.trim(),
                    username == null ? null : username.trim(),
                    password == null || password.isEmpty() ? null : password,
                    enabled);
            message(FacesMessage.SEVERITY_INFO, name + ": saved");
            password = null;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            message(FacesMessage.SEVERITY_ERROR, cause.getMessage());
        }
    }

    public AccountType[] getTypes() {
        return AccountType.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public AccountType getType() {
        return type;
    }

    public void setType(AccountType type) {
        this.type = type;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

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
