package ro.runner.data.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ro.runner.data.entity.ReplicaHealthState;
import ro.runner.data.entity.ReplicationSnapshot;
import ro.runner.data.entity.Standby;

/**
 * Watches replication every couple of seconds on this node: the primary's position and its view of
 * each standby ({@code pg_stat_replication}), and what the replica pool reaches. Read routing asks it,
 * never the databases, so a read costs no extra query. A non-persistent timer: every node watches
 * for itself, and nothing is to be caught up after a restart.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReplicaMonitor {

    private static final String STANDBYS = "SELECT application_name, COALESCE(host(client_addr), 'local'), state,"
            + " sent_lsn::text, write_lsn::text, flush_lsn::text, replay_lsn::text,"
            + " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint,"
            + " COALESCE(EXTRACT(EPOCH FROM replay_lag), 0), pg_current_wal_lsn()::text"
            + " FROM pg_stat_replication ORDER BY application_name";
    private static final String REPLICA = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
            + " CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
            + " ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END";

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Resource(lookup = "java:app/jdbc/replica")
    DataSource replica;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "runner.replica.max-lag-seconds", defaultValue = "30")
    double maxLagSeconds;

    @Inject
    @ConfigProperty(name = "runner.replica.expected", defaultValue = "1")
    int expectedReplicas;

    @Inject
    @ConfigProperty(name = "runner.replica.check-millis", defaultValue = "2000")
    long checkMillis;

    private volatile ReplicationSnapshot last = ReplicationSnapshot.unknown();

    @PostConstruct
    void start() {
        check();
        timers.createIntervalTimer(checkMillis, checkMillis, new TimerConfig("replica-monitor", false));
    }

    @Timeout
    void tick() {
        check();
    }

    public ReplicationSnapshot last() {
        return last;
    }

    public double maxLagSeconds() {
        return maxLagSeconds;
    }

    /** Checks now, keeps and returns the result (the timer does this every couple of seconds). */
    public ReplicationSnapshot check() {
        String primaryLsn = null;
        List<Standby> standbys = new ArrayList<>();
        try (var connection = primary.getConnection();
                var rows = connection.createStatement().executeQuery(STANDBYS)) {
            while (rows.next()) {
                standbys.add(new Standby(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        rows.getString(7),
                        rows.getLong(8),
                        rows.getDouble(9)));
                primaryLsn = rows.getString(10);
            }
        } catch (SQLException e) {
            primaryLsn = "unreachable: " + e.getMessage();
        }
        last = judge(primaryLsn, standbys);
        return last;
    }

    private ReplicationSnapshot judge(String primaryLsn, List<Standby> standbys) {
        long streaming =
                standbys.stream().filter(s -> "streaming".equals(s.state())).count();
        try (var connection = replica.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(REPLICA)) {
            rows.next();
            boolean inRecovery = rows.getBoolean(1);
            String replay = rows.getString(2);
            double lag = rows.getDouble(3);
            ReplicaHealthState state = ReplicaHealthState.OK;
            String reason = "replica at " + replay + ", " + Math.round(lag) + " s behind";
            if (!inRecovery) {
                // The pool fell back to the primary: drop this connection so that the next check
                // connects afresh and finds the standby as soon as it is back.
                connection.abort(Runnable::run);
                state = ReplicaHealthState.DOWN;
                reason = "no standby reachable: the replica pool fell back to the primary";
            } else if (lag > maxLagSeconds) {
                state = ReplicaHealthState.DEGRADED;
                reason = "replica " + Math.round(lag) + " s behind (threshold " + maxLagSeconds + " s)";
            } else if (streaming < expectedReplicas) {
                state = ReplicaHealthState.DEGRADED;
                reason = streaming + " of " + expectedReplicas + " expected replicas streaming";
            }
            return new ReplicationSnapshot(Instant.now(), primaryLsn, standbys, true, replay, lag, state, reason);
        } catch (SQLException e) {
            return new ReplicationSnapshot(
                    Instant.now(),
                    primaryLsn,
                    standbys,
                    false,
                    null,
                    0,
                    ReplicaHealthState.DOWN,
                    "replica unreachable: " + e.getMessage());
        }
    }
}
