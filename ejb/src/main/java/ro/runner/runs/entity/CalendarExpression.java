package ro.runner.runs.entity;

import jakarta.ejb.ScheduleExpression;
import java.util.regex.Pattern;

/**
 * A schedule in six fields, {@code second minute hour day-of-month month day-of-week}, each in the
 * EJB calendar syntax ({@code *}, {@code 5}, {@code 1,15}, {@code 9-17}, {@code *&#47;10},
 * {@code Mon-Fri}). It is checked here, before it reaches the timer service, so a bad expression is
 * a clear 400 and never a half-edited schedule.
 */
public record CalendarExpression(
        String second, String minute, String hour, String dayOfMonth, String month, String dayOfWeek) {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9*/,\\-]{1,60}");
    private static final String FORMAT = "second minute hour day-of-month month day-of-week, e.g. '23 17 3 * * *'";

    public static CalendarExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a schedule expression is required: " + FORMAT);
        }
        String[] f = text.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException(
                    "a schedule expression has 6 fields (" + FORMAT + "), got " + f.length + ": '" + text + "'");
        }
        for (String field : f) {
            if (!FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("'" + field + "' is not an EJB calendar field in '" + text + "'");
            }
        }
        return new CalendarExpression(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    public ScheduleExpression toScheduleExpression() {
        return new ScheduleExpression()
                .second(second)
                .minute(minute)
                .hour(hour)
                .dayOfMonth(dayOfMonth)
                .month(month)
                .dayOfWeek(dayOfWeek)
                .timezone("UTC");
    }

    @Override
    public String toString() {
        return String.join(" ", second, minute, hour, dayOfMonth, month, dayOfWeek);
    }
}
