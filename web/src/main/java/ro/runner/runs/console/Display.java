package ro.runner.runs.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes times and durations, the same on every page: instants in the server's
 * zone to the second, durations in the largest unit that keeps them short.
 */
@Named
@ApplicationScoped
public class Display {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String duration(Long millis) {
        if (millis == null) {
            return "";
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        Duration d = Duration.ofMillis(millis);
        return d.toHours() > 0
                ? String.format("%d h %02d min", d.toHours(), d.toMinutesPart())
                : String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
