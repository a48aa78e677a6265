package ro.runner.imports.boundary;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ro.runner.imports.entity.ImportProfile;

/** The options an import accepts, checked before anything is stored so a wrong one is a 400. */
final class ImportOptions {

    static final Set<String> ENCODINGS = Set.of("UTF-8", "windows-1250", "ISO-8859-2");

    private ImportOptions() {}

    static Map<String, String> check(Map<String, String> options) {
        var checked = new TreeMap<String, String>();
        for (var option : options.entrySet()) {
            String value = option.getValue() == null ? "" : option.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (option.getKey()) {
                case "separator" -> oneOf(option.getKey(), value, List.of("auto", ",", ";"));
                case "encoding" -> oneOf(option.getKey(), value, List.copyOf(ENCODINGS));
                case "diacritics" -> oneOf(option.getKey(), value, List.of("comma", "keep"));
                case "maxErrors" -> whole(option.getKey(), value, 0, Integer.MAX_VALUE);
                case "maxErrorPercent" -> whole(option.getKey(), value, 0, 100);
                case "chunk" -> whole(option.getKey(), value, 1, 100_000);
                case "chunkBytes" -> whole(option.getKey(), value, 1, 1 << 30);
                case "partitions" -> whole(option.getKey(), value, 1, 64);
                default -> throw new IllegalArgumentException(
                        "unknown import option '" + option.getKey() + "'; known: separator, encoding, diacritics,"
                                + " maxErrors, maxErrorPercent, chunk, chunkBytes, partitions");
            }
            checked.put(option.getKey(), value);
        }
        return checked;
    }

    static void checkProfile(ImportProfile profile) {
        if (profile.name() == null || !profile.name().matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw new IllegalArgumentException("a profile name is lower-case letters, digits and '-'");
        }
        oneOf("target", String.valueOf(profile.target()), List.of("PRODUCTS", "VEHICLES"));
        if (profile.columns() == null || profile.columns().isEmpty()) {
            throw new IllegalArgumentException("a profile maps at least one column");
        }
        if (profile.separator() != null) {
            oneOf("separator", profile.separator(), List.of(",", ";"));
        }
        if (profile.encoding() != null) {
            oneOf("encoding", profile.encoding(), List.copyOf(ENCODINGS));
        }
    }

    private static void oneOf(String name, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + ", got '" + value + "'");
        }
    }

    private static void whole(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }
}
