package ro.runner.marketplace.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import ro.runner.marketplace.control.Secrets;
import ro.runner.marketplace.entity.AccountType;
import ro.runner.marketplace.entity.AccountView;
import ro.runner.marketplace.entity.Connection;
import ro.runner.marketplace.entity.MarketplaceAccount;

/** The eMAG accounts: listed without passwords, created or changed by operators, decrypted only to call. */
@Stateless
public class MarketplaceAccounts {

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @Inject
    Secrets secrets;

    public List<AccountView> list() {
        return primary
                .createQuery("SELECT a FROM MarketplaceAccount a ORDER BY a.name", MarketplaceAccount.class)
                .getResultList()
                .stream()
                .map(MarketplaceAccount::view)
                .toList();
    }

    /** Creates or changes an account; a null password keeps the stored one. */
    public AccountView save(
            String name, AccountType type, String baseUrl, String username, String password, Boolean enabled) {
        MarketplaceAccount account = primary.find(MarketplaceAccount.class, name);
        if (account == null) {
            if (type == null) {
                throw new IllegalArgumentException("type (MAIN or FBE) is required for a new account");
            }
            account = new MarketplaceAccount(name, type);
            account.connect(baseUrl, username, encrypt(password));
            primary.persist(account);
        } else {
            account.connect(
                    baseUrl == null ? account.getBaseUrl() : baseUrl,
                    username == null ? account.getUsername() : username,
                    encrypt(password));
        }
        if (enabled != null) {
            account.enable(enabled);
        }
        return account.view();
    }

    public List<String> enabled() {
        return primary.createQuery(
                        "SELECT a.name FROM MarketplaceAccount a WHERE a.enabled = true ORDER BY a.name", String.class)
                .getResultList();
    }

    public Connection connection(String name) {
        MarketplaceAccount a = find(name);
        return new Connection(
                a.getName(), a.getType(), a.getBaseUrl(), a.getUsername(), secrets.decrypt(a.getPasswordSecret()));
    }

    public LocalDateTime watermark(String name) {
        return find(name).getOrderWatermark();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void advanceWatermark(String name, LocalDateTime seen) {
        find(name).advanceWatermark(seen);
    }

    private MarketplaceAccount find(String name) {
        MarketplaceAccount a = primary.find(MarketplaceAccount.class, name);
        if (a == null) {
            throw new IllegalArgumentException("no marketplace account '" + name + "'");
        }
        return a;
    }

    private String encrypt(String password) {
        return password == null || password.isEmpty() ? null : secrets.encrypt(password);
    }
}
