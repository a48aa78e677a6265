package ro.runner.marketplace.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import ro.runner.marketplace.control.OrderAcknowledgement;
import ro.runner.marketplace.control.OrderSync;
import ro.runner.runs.boundary.RunRecorder;
import ro.runner.runs.entity.RunKind;
import ro.runner.runs.entity.Tags;

/**
 * Runs order syncs and acknowledgements per account, each in the run ledger with its counts and
 * tagged with the account, so one account's failure shows on its own rows and does not stop the
 * other. Used by the schedules, "sync now" and the eMAG callback.
 */
@ApplicationScoped
public class MarketplaceSync {

    public static final String SYNC = "marketplace-order-sync";
    public static final String ACKNOWLEDGE = "marketplace-order-acknowledge";
    public static final String CALLBACK = "marketplace-order-callback";

    @EJB
    MarketplaceAccounts accounts;

    @Inject
    OrderSync orders;

    @Inject
    OrderAcknowledgement acknowledgement;

    @Inject
    RunRecorder recorder;

    public String syncOrders(String account, int overlapMinutes, String trigger) throws Exception {
        return record(SYNC, account, trigger, () -> {
            var result = orders.sync(accounts.connection(account), accounts.watermark(account), overlapMinutes);
            accounts.advanceWatermark(account, result.newestModified());
            return result.summary();
        });
    }

    public String acknowledge(String account, String trigger) throws Exception {
        return record(ACKNOWLEDGE, account, trigger, () -> acknowledgement
                .acknowledge(accounts.connection(account))
                .summary());
    }

    public String callback(String account, long orderId) throws Exception {
        return record(
                CALLBACK,
                account,
                "callback",
                () -> orders.fetch(accounts.connection(account), orderId)
                        ? "order " + orderId + " stored"
                        : "order " + orderId + " unknown to eMAG");
    }

    /** Runs {@code each} for every enabled account; fails after all ran when any failed. */
    String forEachAccount(AccountWork each) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String account : accounts.enabled()) {
            try {
                done.add(account + ": " + each.run(account));
            } catch (Exception e) {
                failed.add(account + ": " + e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(
                    String.join("; ", failed) + (done.isEmpty() ? "" : "; ok " + String.join("; ", done)));
        }
        return done.isEmpty() ? "no enabled accounts" : String.join("; ", done);
    }

    private String record(String name, String account, String trigger, Callable<String> work) throws Exception {
        return recorder.record(RunKind.TIMER, name, Tags.of("account", account).and("trigger", trigger), work);
    }

    interface AccountWork {
        String run(String account) throws Exception;
    }
}
