package ro.runner.runs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One background execution in the ledger. A run is created RUNNING and finished exactly once; the
 * duration is derived from its start and end so the two can never disagree.
 */
@Entity
@Table(name = "runs")
public class Run {

    private static final int MAX_ERROR = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private RunKind kind;

    private String name;

    @Enumerated(EnumType.STRING)
    private RunStatus status;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    private int attempts;
    private String error;
    private String summary;
    private String correlation;
    private String tags;
    private String destination;
    private String payload;

    protected Run() {}

    public Run(RunKind kind, String name, Tags tags, String correlation, int attempts, Instant startedAt) {
        this.kind = kind;
        this.name = name;
        this.tags = tags.toString();
        this.correlation = correlation;
        this.attempts = attempts;
        this.startedAt = startedAt;
        this.status = RunStatus.RUNNING;
    }

    public void succeed(String summary, Instant at) {
        finish(RunStatus.SUCCEEDED, at);
        this.summary = summary;
    }

    public void fail(RunStatus status, Throwable cause, Instant at) {
        if (status == RunStatus.RUNNING || status == RunStatus.SUCCEEDED) {
            throw new IllegalArgumentException("a failure ends FAILED or DEAD, not " + status);
        }
        finish(status, at);
        this.error = describe(cause);
    }

    /** Keeps what is needed to send a DEAD message again. */
    public void keepMessage(String destination, String payload) {
        this.destination = destination;
        this.payload = payload;
    }

    private void finish(RunStatus status, Instant at) {
        if (this.status.finished()) {
            throw new IllegalStateException("run " + id + " already finished " + this.status);
        }
        this.status = status;
        this.endedAt = at;
        this.durationMs = Duration.between(startedAt, at).toMillis();
    }

    static String describe(Throwable cause) {
        var text = new StringBuilder();
        for (Throwable t = cause; t != null && text.length() < MAX_ERROR; t = t.getCause()) {
            if (text.length() > 0) {
                text.append("\ncaused by: ");
            }
            text.append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text.toString();
    }

    public Long getId() {
        return id;
    }

    public RunKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public RunStatus getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Long getDurationMs() {
        return durationMs;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getError() {
        return error;
    }

    public String getSummary() {
        return summary;
    }

    public String getCorrelation() {
        return correlation;
    }

    public String getTags() {
        return tags;
    }

    public String getDestination() {
        return destination;
    }

    public String getPayload() {
        return payload;
    }
}
