package ro.runner.data.entity;

/**
 * One streaming replica as the primary sees it ({@code pg_stat_replication}): its positions and how
 * far it is behind, in bytes and seconds.
 */
public record Standby(
        String name,
        String clientAddress,
        String state,
        String sentLsn,
        String writeLsn,
        String flushLsn,
        String replayLsn,
        long lagBytes,
        double lagSeconds) {}
