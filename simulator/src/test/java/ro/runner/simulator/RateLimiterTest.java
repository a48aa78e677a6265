package ro.runner.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter();

    @Test
    void acceptsTheLimitInOneSecondThenRefuses() {
        for (int i = 0; i < 12; i++) {
            assertThat(limiter.acquire("main", RouteClass.ORDER, 12, 5_000 + i).allowed())
                    .isTrue();
        }
        assertThat(limiter.acquire("main", RouteClass.ORDER, 12, 5_900).allowed())
                .isFalse();
        assertThat(limiter.acquire("main", RouteClass.ORDER, 12, 6_000).allowed())
                .isTrue();

        RateLimiter.Stats stats = limiter.stats().get("main/ORDER");
        assertThat(stats.peakPerSecond()).isEqualTo(13);
        assertThat(stats.secondsOverBudget()).isEqualTo(1);
        assertThat(stats.accepted()).isEqualTo(13);
        assertThat(stats.rejected()).isEqualTo(1);
    }

    @Test
    void accountsAndRouteClassesHaveSeparateBudgets() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("main", RouteClass.OTHER, 3, 1_000);
        }
        assertThat(limiter.acquire("main", RouteClass.OTHER, 3, 1_000).allowed())
                .isFalse();
        assertThat(limiter.acquire("main", RouteClass.ORDER, 12, 1_000).allowed())
                .isTrue();
        assertThat(limiter.acquire("fbe", RouteClass.OTHER, 3, 1_000).allowed()).isTrue();
    }

    @Test
    void headersCountTheLastThreeSeconds() {
        limiter.acquire("main", RouteClass.OTHER, 3, 10_000);
        limiter.acquire("main", RouteClass.OTHER, 3, 11_000);
        RateLimiter.Decision d = limiter.acquire("main", RouteClass.OTHER, 3, 12_000);
        assertThat(d.limit3Seconds()).isEqualTo(9);
        assertThat(d.remaining3Seconds()).isEqualTo(6);
        assertThat(limiter.acquire("main", RouteClass.OTHER, 3, 14_000).remaining3Seconds())
                .isEqualTo(7);
    }

    @Test
    void aClientAtTheLimitIsNeverOverBudget() {
        for (long t = 0; t < 10_000; t += 84) {
            assertThat(limiter.acquire("main", RouteClass.ORDER, 12, t).allowed())
                    .isTrue();
        }
        assertThat(limiter.stats().get("main/ORDER").secondsOverBudget()).isZero();
    }
}
