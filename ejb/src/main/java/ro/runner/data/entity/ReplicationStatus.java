package ro.runner.data.entity;

/** The Replication page and {@code GET /api/replication}: the monitor's last view and the routing counts. */
public record ReplicationStatus(ReplicationSnapshot replication, RoutingCounts routing, double lagThresholdSeconds) {}
