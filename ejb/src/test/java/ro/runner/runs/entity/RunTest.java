package ro.runner.runs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunTest {

    private final Instant start = Instant.parse("2026-11-23T03:17:23Z");

    @Test
    void aSucceededRunHasItsDurationFromStartAndEnd() {
        var run = new Run(RunKind.TIMER, "runs-retention", Tags.of("trigger", "timer"), null, 1, start);

        run.succeed("started execution 7", start.plusMillis(1_250));

        assertThat(run.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.getDurationMs()).isEqualTo(1_250);
        assertThat(run.getTags()).isEqualTo("trigger=timer");
    }

    @Test
    void aFailureKeepsTheChainOfCauses() {
        var run = new Run(RunKind.MESSAGE, "tracking", Tags.NONE, "m-1", 3, start);

        run.fail(RunStatus.DEAD, new IllegalStateException("outer", new ArithmeticException("inner")), start);

        assertThat(run.getError())
                .contains("IllegalStateException: outer", "caused by: java.lang.ArithmeticException: inner");
        assertThat(run.getAttempts()).isEqualTo(3);
    }

    @Test
    void aRunFinishesOnceAndNeverFailsAsSucceeded() {
        var run = new Run(RunKind.BATCH, "job", Tags.NONE, null, 1, start);
        assertThatThrownBy(() -> run.fail(RunStatus.SUCCEEDED, new RuntimeException(), start))
                .isInstanceOf(IllegalArgumentException.class);

        run.succeed(null, start);

        assertThatThrownBy(() -> run.succeed(null, start)).isInstanceOf(IllegalStateException.class);
    }
}
