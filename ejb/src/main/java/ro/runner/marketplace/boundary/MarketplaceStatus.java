package ro.runner.marketplace.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import ro.runner.data.control.Reads;
import ro.runner.marketplace.control.AccountCircuits;
import ro.runner.marketplace.control.SyncProgress;
import ro.runner.marketplace.entity.AccountStatus;
import ro.runner.marketplace.entity.AccountType;
import ro.runner.marketplace.entity.Progress;

/** Per account health from the run ledger's order-sync rows, and the syncs running now. Reads through the read routing (replica unless the reader's own sync is not replayed there yet). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MarketplaceStatus {

    private static final String QUERY =
            """
            SELECT a.name, a.type, a.enabled,
                   count(r.id) FILTER (WHERE r.status = 'SUCCEEDED'),
                   count(r.id) FILTER (WHERE r.status = 'FAILED'),
                   (SELECT max(s.ended_at) FROM runs s WHERE s.name = ?1 AND s.status = 'SUCCEEDED'
                      AND s.tags ~ ('(^| )account=' || a.name || '( |$)')),
                   (SELECT f.ended_at FROM runs f WHERE f.name = ?1 AND f.status = 'FAILED'
                      AND f.tags ~ ('(^| )account=' || a.name || '( |$)') ORDER BY f.started_at DESC LIMIT 1),
                   (SELECT f.error FROM runs f WHERE f.name = ?1 AND f.status = 'FAILED'
                      AND f.tags ~ ('(^| )account=' || a.name || '( |$)') ORDER BY f.started_at DESC LIMIT 1)
              FROM marketplace_accounts a
              LEFT JOIN runs r ON r.name = ?1 AND r.started_at > now() - interval '24 hours'
                               AND r.tags ~ ('(^| )account=' || a.name || '( |$)')
             GROUP BY a.name, a.type, a.enabled
             ORDER BY a.name
            """;

    @Inject
    Reads reads;

    @Inject
    AccountCircuits circuits;

    @Inject
    SyncProgress progress;

    public List<AccountStatus> accounts() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = reads.read(em -> em.createNativeQuery(QUERY)
                .setParameter(1, MarketplaceSync.SYNC)
                .getResultList());
        return rows.stream()
                .map(r -> {
                    long ok = ((Number) r[3]).longValue();
                    long failed = ((Number) r[4]).longValue();
                    Double rate = ok + failed == 0 ? null : (double) ok / (ok + failed);
                    Instant lastSuccess = instant(r[5]);
                    String account = (String) r[0];
                    return new AccountStatus(
                            account,
                            AccountType.valueOf((String) r[1]),
                            (Boolean) r[2],
                            AccountStatus.health(rate, lastSuccess, now),
                            rate,
                            ok + failed,
                            lastSuccess,
                            instant(r[6]),
                            (String) r[7],
                            circuits.state(account).open(now));
                })
                .toList();
    }

    public List<Progress> progress() {
        return progress.running();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Instant i ? i : null;
    }
}
