package ro.runner.marketplace.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountStatusTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void healthIsSuccessRateWhileRecent() {
        assertThat(AccountStatus.health(0.9, NOW.minus(Duration.ofMinutes(5)), NOW))
                .isEqualTo(90);
    }

    @Test
    void healthFallsWithTimeSinceTheLastSuccess() {
        assertThat(AccountStatus.health(1.0, NOW.minus(Duration.ofMinutes(15 + 105 / 2)), NOW))
                .isBetween(49, 51);
        assertThat(AccountStatus.health(1.0, NOW.minus(Duration.ofHours(3)), NOW))
                .isZero();
    }

    @Test
    void noRunsIsNoHealth() {
        assertThat(AccountStatus.health(null, null, NOW)).isZero();
    }
}
