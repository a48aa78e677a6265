package ro.runner.data.entity;

/**
 * How fit the replicas are to serve reads: OK; DEGRADED (lagging beyond the threshold, or fewer
 * streaming than expected) or DOWN (the replica pool reaches no standby). Reads go to the primary
 * unless OK; the application stays ready either way.
 */
public enum ReplicaHealthState {
    OK,
    DEGRADED,
    DOWN
}
