package ro.runner.runs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A schedule: when a task runs. The row is the source of truth; the persistent EJB timer is
 * derived from it, so editing the expression or switching it off re-creates or cancels the timer.
 */
@Entity
@Table(name = "schedules")
public class Schedule {

    public static final String BATCH_PREFIX = "batch:";

    @Id
    private String name;

    private String description;
    private String expression;
    private String task;
    private String parameters;
    private boolean enabled;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private int version;

    protected Schedule() {}

    public Schedule(String name, String description, String expression, String task, String parameters) {
        this.name = name;
        this.description = description;
        this.expression = CalendarExpression.parse(expression).toString();
        this.task = task;
        this.parameters = parameters;
        this.enabled = true;
        this.updatedAt = Instant.now();
    }

    /** Changes the expression; the caller re-creates the timer. */
    public void reschedule(String expression) {
        this.expression = CalendarExpression.parse(expression).toString();
        this.updatedAt = Instant.now();
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
        this.updatedAt = Instant.now();
    }

    public CalendarExpression calendar() {
        return CalendarExpression.parse(expression);
    }

    /** The batch job this schedule starts, or null when its task is a bean. */
    public String batchJob() {
        return task.startsWith(BATCH_PREFIX) ? task.substring(BATCH_PREFIX.length()) : null;
    }

    /** Parameters stored as {@code key=value} pairs separated by spaces or commas. */
    public Map<String, String> parameterMap() {
        var map = new LinkedHashMap<String, String>();
        for (String pair : parameters.trim().split("[\\s,]+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return map;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getExpression() {
        return expression;
    }

    public String getTask() {
        return task;
    }

    public String getParameters() {
        return parameters;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }
}
