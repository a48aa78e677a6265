package ro.runner.data.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import ro.runner.data.control.ReadRouting;
import ro.runner.data.entity.ReplicationStatus;

/** Replication for the console and the API: the monitor's view, the routing counts, the routing switch. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Replication {

    @Inject
    ReplicaMonitor monitor;

    @Inject
    ReadRouting routing;

    public ReplicationStatus status() {
        return new ReplicationStatus(monitor.last(), routing.counts(), monitor.maxLagSeconds());
    }

    /** Routes every read of this node to the primary (false) or lets them go to the replicas (true). */
    public ReplicationStatus route(boolean toReplicas) {
        routing.enable(toReplicas);
        return status();
    }
}
