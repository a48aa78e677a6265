package ro.runner.imports.job;

/** Why one line (or one of its columns) was not imported; column is blank for the whole line. */
public record Rejection(long line, String column, String value, String reason) {

    static Rejection ofLine(long line, String value, String reason) {
        return new Rejection(line, "", value, reason);
    }
}
