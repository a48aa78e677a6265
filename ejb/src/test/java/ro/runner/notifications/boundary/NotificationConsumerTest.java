package ro.runner.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ro.runner.runs.entity.RetryPolicy;

class NotificationConsumerTest {

    @Test
    void withoutSettingsThePolicyIsTheDefault() {
        assertThat(NotificationConsumer.policy(Optional.empty(), Optional.empty(), Optional.empty()))
                .isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void eachSettingReplacesItsPartOfThePolicy() {
        var policy = NotificationConsumer.policy(Optional.of(3), Optional.of(Duration.ofMillis(250)), Optional.empty());

        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.maxDelay()).isEqualTo(RetryPolicy.DEFAULT.maxDelay());
    }

    @Test
    void aFirstDelayLongerThanTheMaximumIsRefused() {
        assertThatThrownBy(() -> NotificationConsumer.policy(
                        Optional.empty(), Optional.of(Duration.ofHours(1)), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
