package ro.runner.imports.job;

import java.io.Reader;
import java.util.Iterator;

/**
 * Rows in PostgreSQL's COPY text format, read as they are written: tab between columns, newline
 * after each row, {@code \N} for null, and backslash, tab, newline and carriage return escaped
 * inside values. The driver sends what it reads while the rest is still being written, so a chunk is
 * never held as one text (a chunk of 8 MiB was built, copied twice while its buffer grew, encoded,
 * and only then sent, with the database idle meanwhile).
 */
final class CopyText extends Reader {

    private final Iterator<String[]> rows;
    private final StringBuilder line = new StringBuilder(512);
    private int position;

    private CopyText(Iterable<String[]> rows) {
        this.rows = rows.iterator();
    }

    static Reader of(Iterable<String[]> rows) {
        return new CopyText(rows);
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int done = 0;
        while (done < length) {
            if (position == line.length()) {
                if (!rows.hasNext()) {
                    break;
                }
                line.setLength(0);
                position = 0;
                append(rows.next());
            }
            int n = Math.min(length - done, line.length() - position);
            line.getChars(position, position + n, buffer, offset + done);
            position += n;
            done += n;
        }
        return done == 0 ? -1 : done;
    }

    @Override
    public void close() {}

    private void append(String[] row) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                line.append('\t');
            }
            append(row[c]);
        }
        line.append('\n');
    }

    private void append(String value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        if (plain(value)) {
            line.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
