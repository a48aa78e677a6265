package ro.runner.marketplace.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import ro.runner.marketplace.entity.AccountType;
import ro.runner.marketplace.entity.Connection;
import ro.runner.marketplace.entity.EmagAnswer;

/**
 * Acknowledges stored orders that are still new, one call each, and marks each one as soon as eMAG
 * accepted it, so a later run never acknowledges it again. FBE orders are never acknowledged (eMAG
 * fulfils them; they are read-only). One run per account at a time on this node.
 */
@ApplicationScoped
public class OrderAcknowledgement {

    static final int BATCH = 2000;

    /** What one run did. */
    public record Result(int acknowledged, int refused) {
        public String summary() {
            return acknowledged + " acknowledged, " + refused + " refused";
        }
    }

    @Inject
    MarketplaceGateway gateway;

    @EJB
    OrderStore store;

    @Inject
    SyncProgress progress;

    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    public Result acknowledge(Connection c) {
        if (c.type() == AccountType.FBE) {
            return new Result(0, 0);
        }
        ReentrantLock lock = running.computeIfAbsent(c.account(), a -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new IllegalStateException("an acknowledgement run for " + c.account() + " is already running");
        }
        try {
            List<Long> ids = store.toAcknowledge(c.account(), BATCH);
            progress.start(c.account(), "acknowledge", ids.size());
            int acknowledged = 0;
            int refused = 0;
            for (long id : ids) {
                EmagAnswer answer = gateway.call(c, "order/acknowledge/" + id, null);
                if (answer.isError()) {
                    refused++;
                } else {
                    store.acknowledged(c.account(), id);
                    acknowledged++;
                }
                progress.page(c.account(), "acknowledge", 1);
            }
            return new Result(acknowledged, refused);
        } finally {
            progress.finish(c.account(), "acknowledge");
            lock.unlock();
        }
    }
}
