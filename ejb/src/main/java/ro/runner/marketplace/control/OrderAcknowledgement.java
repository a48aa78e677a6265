package ro.runner.marketplace.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
    /**
     * Calls in flight at once: one call takes longer than a slot (1/12 s), so a single caller
     * would leave most of the budget unused; the shared limiter still paces them.
     */
    static final int WORKERS = 4;

    // own threads from the container's factory: the default managed executor runs one task at a time
    @Resource
    ManagedThreadFactory threads;

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
            Queue<Long> queue = new ConcurrentLinkedQueue<>(ids);
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            ExecutorService executor = Executors.newFixedThreadPool(WORKERS, threads);
            for (int i = 0; i < WORKERS; i++) {
                workers.add(executor.submit(() -> {
                    for (Long id = queue.poll(); id != null; id = queue.poll()) {
                        EmagAnswer answer = gateway.call(c, "order/acknowledge/" + id, null);
                        if (answer.isError()) {
                            refused.incrementAndGet();
                        } else {
                            store.acknowledged(c.account(), id);
                            acknowledged.incrementAndGet();
                        }
                        progress.page(c.account(), "acknowledge", 1);
                    }
                    return null;
                }));
            }
            try {
                await(workers, queue);
            } finally {
                executor.shutdownNow();
            }
            return new Result(acknowledged.get(), refused.get());
        } finally {
            progress.finish(c.account(), "acknowledge");
            lock.unlock();
        }
    }

    /** Waits for every worker; the first failure stops the others and is thrown. */
    private static void await(List<Future<?>> workers, Queue<Long> queue) {
        RuntimeException first = null;
        for (Future<?> w : workers) {
            try {
                w.get();
            } catch (ExecutionException e) {
                queue.clear();
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queue.clear();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
