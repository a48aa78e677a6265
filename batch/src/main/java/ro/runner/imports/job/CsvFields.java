package ro.runner.imports.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one logical CSV record into fields the RFC 4180 way: a field is either bare (no quotes in
 * it) or wholly quoted, with "" for a quote and separators or newlines allowed inside. Anything
 * else is broken quoting and is reported, never guessed at.
 */
final class CsvFields {

    private CsvFields() {}

    static List<String> split(String text, char separator) throws MalformedRecord {
        var fields = new ArrayList<String>();
        int i = 0;
        int n = text.length();
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                var field = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MalformedRecord("unterminated quoted field (column " + (fields.size() + 1) + ")");
                    }
                    char c = text.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && text.charAt(i) != separator) {
                    throw new MalformedRecord("text after a closing quote (column " + (fields.size() + 1) + ")");
                }
                fields.add(field.toString());
            } else {
                int end = text.indexOf(separator, i);
                if (end < 0) {
                    end = n;
                }
                String field = text.substring(i, end);
                if (field.indexOf('"') >= 0) {
                    throw new MalformedRecord("quote inside an unquoted field (column " + (fields.size() + 1) + ")");
                }
                fields.add(field);
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the separator
            if (i == n) {
                fields.add("");
                return fields;
            }
        }
    }

    /** The separator of a header line: whichever of ';' and ',' occurs more often outside quotes. */
    static char detect(String header) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
