package ro.runner.runs.entity;

import java.time.Instant;

/** A schedule with its timer's next firing, as the console and the API show it. */
public record ScheduleView(
        String name,
        String description,
        String expression,
        String task,
        String parameters,
        boolean enabled,
        Instant nextRun,
        Instant updatedAt) {

    public static ScheduleView of(Schedule s, Instant nextRun) {
        return new ScheduleView(
                s.getName(),
                s.getDescription(),
                s.getExpression(),
                s.getTask(),
                s.getParameters(),
                s.isEnabled(),
                nextRun,
                s.getUpdatedAt());
    }
}
