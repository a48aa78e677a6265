package ro.runner.imports.job;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A CSV file read as raw bytes, one logical record at a time (physical lines joined while a quote
 * is open), so that the position after every record is an exact byte offset a restart can seek to.
 * Every supported encoding is ASCII-compatible, so '\n' and '"' are found in the bytes before
 * decoding, and quoting is followed by the rules of RFC 4180 to tell a newline inside a quoted
 * field from the end of a record. A quote left open for more than {@value #MAX_LINES} lines or {@value #MAX_BYTES} bytes
 * is broken quoting (so is one still open at the end of the file): the record is cut back to its first line (which then fails to parse) and
 * reading resumes on the next line, so one bad quote never swallows the rest of the file.
 */
final class CsvFile implements Closeable {

    static final int MAX_LINES = 50;
    static final int MAX_BYTES = 256 * 1024;

    /** One logical record: the number of its first line, its decoded text and where the next starts. */
    record Text(long line, String text, long nextOffset) {}

    private final FileChannel channel;
    private final InputStream in;
    private static final int FIELD_START = 0;
    private static final int BARE = 1;
    private static final int QUOTED = 2;
    private static final int AFTER_QUOTE = 3;
    private static final int BROKEN = 4;

    private final Charset charset;
    private byte separator = ',';
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long offset;
    private long line;
    private byte[] record = new byte[1024];
    private int length;

    CsvFile(Path file, Charset charset, LinePosition from) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.in = Channels.newInputStream(channel);
        this.charset = charset;
        seek(from.offset(), from.line());
        if (from.offset() == 0 && StandardCharsets.UTF_8.equals(charset)) {
            skipByteOrderMark();
        }
    }

    long offset() {
        return offset;
    }

    long line() {
        return line;
    }

    /** The separator the quote scanner uses (',' until the reader has seen the header). */
    void separator(char separator) {
        this.separator = (byte) separator;
    }

    /** The next logical record, or null at the end of the file. */
    Text next() throws IOException {
        long first = advance();
        if (first < 0) {
            return null;
        }
        int end = length;
        while (end > 0 && (record[end - 1] == '\n' || record[end - 1] == '\r')) {
            end--;
        }
        return new Text(first, new String(record, 0, end, charset), offset);
    }

    /**
     * Passes over the next logical record without decoding it, exactly as {@link #next()} would
     * read it; false at the end of the file. Finds record boundaries in a large file cheaply.
     */
    boolean skip() throws IOException {
        return advance() >= 0;
    }

    /** Reads the next record's bytes into the buffer; its first line, or -1 at the end. */
    private long advance() throws IOException {
        long first = line + 1;
        length = 0;
        int state = FIELD_START;
        int lines = 0;
        int firstLineLength = 0;
        long afterFirst = 0;
        while (true) {
            int start = length;
            if (!readLine()) {
                if (lines == 0) {
                    return -1;
                }
                if (lines > 1) {
                    cutBack(afterFirst, first, firstLineLength);
                }
                break;
            }
            lines++;
            line++;
            if (lines == 1) {
                firstLineLength = length;
                afterFirst = offset;
            }
            state = scan(state, start);
            if (state == BROKEN && lines > 1) {
                cutBack(afterFirst, first, firstLineLength);
                break;
            }
            if (state != QUOTED) {
                break;
            }
            if (lines >= MAX_LINES || length > MAX_BYTES) {
                cutBack(afterFirst, first, firstLineLength);
                break;
            }
        }
        return first;
    }

    /**
     * Follows RFC 4180 quoting over one more line of the record; only a quoted field still open at
     * the end of the line continues the record. Quoting that breaks the rules ends the record at
     * once (the parser then rejects it) instead of joining lines by a miscounted quote.
     */
    private int scan(int state, int from) {
        for (int i = from; i < length; i++) {
            byte b = record[i];
            switch (state) {
                case FIELD_START -> state =
                        b == '"' ? QUOTED : b == separator || b == '\r' || b == '\n' ? FIELD_START : BARE;
                case BARE -> state = b == '"' ? BROKEN : b == separator ? FIELD_START : BARE;
                case QUOTED -> state = b == '"' ? AFTER_QUOTE : QUOTED;
                case AFTER_QUOTE -> state = b == '"'
                        ? QUOTED
                        : b == separator ? FIELD_START : b == '\r' || b == '\n' ? AFTER_QUOTE : BROKEN;
                default -> {
                    return BROKEN;
                }
            }
        }
        return state;
    }

    private void cutBack(long afterFirst, long first, int firstLineLength) throws IOException {
        seek(afterFirst, first);
        length = firstLineLength;
    }

    private boolean readLine() throws IOException {
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any;
                }
            }
            int from = position;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int to = newline < 0 ? limit : newline + 1;
            append(from, to - from);
            offset += to - from;
            position = to;
            any = true;
            if (newline >= 0) {
                return true;
            }
        }
    }

    private void append(int from, int count) {
        if (length + count > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, length + count));
        }
        System.arraycopy(buffer, from, record, length, count);
        length += count;
    }

    private void seek(long to, long lineBefore) throws IOException {
        channel.position(to);
        position = 0;
        limit = 0;
        offset = to;
        line = lineBefore;
    }

    private void skipByteOrderMark() throws IOException {
        byte[] head = new byte[3];
        int n = in.readNBytes(head, 0, 3);
        if (n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            seek(3, 0);
        } else {
            seek(0, 0);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
