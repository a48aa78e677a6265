package ro.runner.runs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CalendarExpressionTest {

    @Test
    void readsSixFieldsIntoAnEjbScheduleInUtc() {
        var schedule = CalendarExpression.parse(" 23  17 3 * * Mon-Fri ").toScheduleExpression();

        assertThat(schedule.getSecond()).isEqualTo("23");
        assertThat(schedule.getMinute()).isEqualTo("17");
        assertThat(schedule.getHour()).isEqualTo("3");
        assertThat(schedule.getDayOfMonth()).isEqualTo("*");
        assertThat(schedule.getMonth()).isEqualTo("*");
        assertThat(schedule.getDayOfWeek()).isEqualTo("Mon-Fri");
        assertThat(schedule.getTimezone()).isEqualTo("UTC");
    }

    @Test
    void normalisesSpacing() {
        assertThat(CalendarExpression.parse("*/4  *  * * *   *")).hasToString("*/4 * * * * *");
    }

    @Test
    void refusesAWrongNumberOfFieldsWithTheFormat() {
        assertThatThrownBy(() -> CalendarExpression.parse("0 3 * * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 fields")
                .hasMessageContaining("second minute hour");
    }

    @Test
    void refusesCharactersNoCalendarFieldHas() {
        assertThatThrownBy(() -> CalendarExpression.parse("0 0 3 * * ?;drop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("?;drop");
        assertThatThrownBy(() -> CalendarExpression.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
