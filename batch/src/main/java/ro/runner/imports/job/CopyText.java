package ro.runner.imports.job;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Rows in PostgreSQL's COPY text format: tab between columns, newline after each row, {@code \N}
 * for null, and backslash, tab, newline and carriage return escaped inside values.
 */
final class CopyText {

    private CopyText() {}

    static byte[] of(Collection<String[]> rows) {
        var text = new StringBuilder(rows.size() * 128);
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    text.append('\t');
                }
                append(text, row[c]);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder text, String value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
