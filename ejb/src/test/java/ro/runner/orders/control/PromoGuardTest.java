package ro.runner.orders.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromoGuardTest {

    @Test
    void theFirstFiveFailuresCostNothingThenTheDelayDoublesUpToItsCap() {
        assertThat(PromoGuard.delaySeconds(0, 5, 60)).isZero();
        assertThat(PromoGuard.delaySeconds(4, 5, 60)).isZero();
        assertThat(PromoGuard.delaySeconds(5, 5, 60)).isEqualTo(1);
        assertThat(PromoGuard.delaySeconds(6, 5, 60)).isEqualTo(2);
        assertThat(PromoGuard.delaySeconds(8, 5, 60)).isEqualTo(8);
        assertThat(PromoGuard.delaySeconds(11, 5, 60)).isEqualTo(60);
        assertThat(PromoGuard.delaySeconds(1_000, 5, 60)).isEqualTo(60);
    }
}
