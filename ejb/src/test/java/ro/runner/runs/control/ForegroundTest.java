package ro.runner.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForegroundTest {

    @Test
    void aQuietServerIsNotWaitedFor() {
        enter(2);
        try {
            assertThat(Foreground.giveWay(2, Duration.ofSeconds(10))).isZero();
        } finally {
            exit(2);
        }
    }

    @Test
    void aServerThatStaysBusyIsWaitedForTheWholeLimit() {
        enter(3);
        try {
            assertThat(Foreground.giveWay(2, Duration.ofMillis(50))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
            assertThat(Foreground.giveWay(2, Duration.ZERO)).as("turned off").isZero();
        } finally {
            exit(3);
        }
    }

    @Test
    void theWaitEndsWhenTheRequestsHaveBeenAnswered() throws Exception {
        enter(3);
        var answered =
                CompletableFuture.runAsync(() -> exit(3), CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        Duration waited = Foreground.giveWay(2, Duration.ofMinutes(1));
        answered.get(10, TimeUnit.SECONDS);
        assertThat(waited).isGreaterThan(Duration.ZERO).isLessThan(Duration.ofSeconds(30));
        assertThat(Foreground.active()).isZero();
    }

    private static void enter(int requests) {
        for (int i = 0; i < requests; i++) {
            Foreground.enter();
        }
    }

    private static void exit(int requests) {
        for (int i = 0; i < requests; i++) {
            Foreground.exit();
        }
    }
}
