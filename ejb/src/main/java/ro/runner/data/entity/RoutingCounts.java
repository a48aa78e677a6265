package ro.runner.data.entity;

import java.util.Map;

/** Reads served by the replica and by the primary since start, the latter by reason. */
public record RoutingCounts(
        boolean routingEnabled, long replicaReads, long primaryReads, Map<String, Long> primaryByReason) {}
