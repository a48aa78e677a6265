package ro.runner.runs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(30), 5);

    @Test
    void theDelayDoublesFromTheFirstRetryUpToTheMaximum() {
        assertThat(policy.delayBefore(1)).isZero();
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delayBefore(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayBefore(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theLastAttemptIsTheLimit() {
        assertThat(policy.lastAttempt(7)).isFalse();
        assertThat(policy.lastAttempt(8)).isTrue();
    }

    @Test
    void refusesPoliciesThatCannotWork() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
