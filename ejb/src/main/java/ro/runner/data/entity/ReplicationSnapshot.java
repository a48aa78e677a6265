package ro.runner.data.entity;

import java.time.Instant;
import java.util.List;

/**
 * What the replica monitor saw at its last check: the primary's position, each standby, the
 * replica pool's view (the replay position and lag of the standby it reached), and the verdict.
 */
public record ReplicationSnapshot(
        Instant checkedAt,
        String primaryLsn,
        List<Standby> standbys,
        boolean replicaReachable,
        String replicaReplayLsn,
        double replicaLagSeconds,
        ReplicaHealthState state,
        String reason) {

    /** The oldest replay position over the streaming standbys: a write before it is on every one. */
    public Lsn replayedEverywhere() {
        Lsn oldest = null;
        for (Standby standby : standbys) {
            Lsn replay = Lsn.parse(standby.replayLsn());
            if (replay != null && (oldest == null || replay.compareTo(oldest) < 0)) {
                oldest = replay;
            }
        }
        Lsn viaPool = Lsn.parse(replicaReplayLsn);
        if (viaPool != null && (oldest == null || viaPool.compareTo(oldest) < 0)) {
            oldest = viaPool;
        }
        return oldest;
    }

    public static ReplicationSnapshot unknown() {
        return new ReplicationSnapshot(
                Instant.EPOCH, null, List.of(), false, null, 0, ReplicaHealthState.DOWN, "not checked yet");
    }
}
