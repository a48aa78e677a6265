package ro.runner.data.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import ro.runner.data.boundary.ReplicaMonitor;
import ro.runner.data.entity.Lsn;
import ro.runner.data.entity.ReplicaHealthState;
import ro.runner.data.entity.ReplicationSnapshot;
import ro.runner.data.entity.RoutingCounts;
import ro.runner.runs.control.RunMetrics;

/**
 * Decides where a read goes. The replica, unless one of these sends it to the primary: the read is
 * inside a transaction or a writing request (it must see that transaction's own writes); the reader
 * wrote something the replicas have not replayed yet; the replicas are down or lag beyond the
 * threshold; or routing is switched off. Counts every decision.
 */
@ApplicationScoped
public class ReadRouting {

    /** Where a read goes, and why when it is the primary. */
    public record Route(boolean replica, String reason) {}

    private static final Route REPLICA = new Route(true, "replica");

    @Inject
    ReplicaMonitor monitor;

    @Inject
    ReaderPosition reader;

    @Inject
    RunMetrics metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private volatile boolean enabled = true;
    private final AtomicLong replicaReads = new AtomicLong();
    private final Map<String, AtomicLong> primaryReads = new ConcurrentHashMap<>();

    public Route decide() {
        return count(route());
    }

    /** A replica read failed before the monitor noticed: the read is repeated on the primary. */
    public Route fellBack() {
        replicaReads.decrementAndGet();
        return count(new Route(false, "replica-failed"));
    }

    public void enable(boolean on) {
        enabled = on;
    }

    public RoutingCounts counts() {
        var byReason = new TreeMap<String, Long>();
        primaryReads.forEach((reason, count) -> byReason.put(reason, count.get()));
        long primary = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new RoutingCounts(enabled, replicaReads.get(), primary, byReason);
    }

    private Route route() {
        if (!enabled) {
            return new Route(false, "routing-off");
        }
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE || reader.isWriting()) {
            return new Route(false, "own-transaction");
        }
        ReplicationSnapshot replication = monitor.last();
        if (replication.state() == ReplicaHealthState.DOWN) {
            return new Route(false, "replica-down");
        }
        if (replication.state() == ReplicaHealthState.DEGRADED
                && replication.replicaLagSeconds() > monitor.maxLagSeconds()) {
            return new Route(false, "replica-lagging");
        }
        Lsn lastWrite = reader.lastWrite();
        if (lastWrite != null && lastWrite.after(replication.replayedEverywhere())) {
            return new Route(false, "read-your-writes");
        }
        return REPLICA;
    }

    private Route count(Route route) {
        if (route.replica()) {
            replicaReads.incrementAndGet();
        } else {
            primaryReads.computeIfAbsent(route.reason(), r -> new AtomicLong()).incrementAndGet();
        }
        metrics.read(route.replica() ? "replica" : "primary", route.reason());
        return route;
    }
}
