package ro.runner.security.control;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Per-client rate limits of the public endpoints: token buckets (Bucket4j) whose state lives in
 * PostgreSQL (table rate_limit_buckets), so every node shares them. A limit is N requests a minute,
 * refilled greedily, configured by MicroProfile Config {@code runner.rate-limit.<name>} with the
 * defaults of DESIGN.md §11. Called outside any JTA transaction: Bucket4j commits its own.
 */
@ApplicationScoped
public class RateLimits {

    /** The answer for one request: allowed, or refused with the seconds to wait. */
    public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    private ProxyManager<String> buckets;

    @PostConstruct
    void connect() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(primary)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .build();
    }

    public Decision consume(String limit, String client) {
        long perMinute = perMinute(limit);
        var configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
        var probe = buckets.builder()
                .build(limit + ":" + client, () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), 0);
        }
        return new Decision(false, 0, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    static long perMinute(String limit) {
        Config config = ConfigProvider.getConfig();
        long fallback =
                switch (limit) {
                    case "checkout", "promo-validation" -> 10;
                    case "reads" -> 120;
                    default -> 30;
                };
        return config.getOptionalValue("runner.rate-limit." + limit, Long.class).orElse(fallback);
    }
}
