package ro.runner.runs.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the job parameters an operator types, one {@code key=value} per line, and says which line
 * is wrong rather than starting a job with half of them.
 */
final class JobParameters {

    private JobParameters() {}

    static Map<String, String> parse(String text) {
        var parameters = new LinkedHashMap<String, String>();
        if (text == null) {
            return parameters;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not key=value: '" + line + "'");
            }
            parameters.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return parameters;
    }
}
