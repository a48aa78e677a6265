package ro.runner.runs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void aBatchTaskNamesItsJobAndParameters() {
        var schedule = new Schedule("retention", "d", "23 17 3 * * *", "batch:runs-retention", "days=30, chunk=500");

        assertThat(schedule.batchJob()).isEqualTo("runs-retention");
        assertThat(schedule.parameterMap()).isEqualTo(Map.of("days", "30", "chunk", "500"));
    }

    @Test
    void aBeanTaskHasNoJob() {
        var schedule = new Schedule("sync", "d", "7 */5 * * * *", "marketplace-order-sync", "");

        assertThat(schedule.batchJob()).isNull();
        assertThat(schedule.parameterMap()).isEmpty();
    }

    @Test
    void reschedulingChecksTheExpressionFirst() {
        var schedule = new Schedule("sync", "d", "7 */5 * * * *", "t", "");

        assertThatThrownBy(() -> schedule.reschedule("every five minutes"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(schedule.getExpression()).isEqualTo("7 */5 * * * *");
    }
}
