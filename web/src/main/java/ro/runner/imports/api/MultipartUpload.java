package ro.runner.imports.api;

import jakarta.ws.rs.WebApplicationException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body read as a stream: the file part goes straight to disk (never into
 * memory) and stops with 413 past the size limit; the other parts are small text fields. Written
 * here because the server's JAX-RS runtime only offers buffered multipart support.
 */
final class MultipartUpload {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final int FIELD_LIMIT = 64 * 1024;

    final Map<String, String> fields = new LinkedHashMap<>();
    String fileName;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    private MultipartUpload(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads the whole body; the first part with a file name is written to file. */
    static MultipartUpload read(String contentType, InputStream body, Path file, long maxBytes) throws IOException {
        Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!boundary.find()) {
            throw new IllegalArgumentException("multipart/form-data without a boundary");
        }
        var upload = new MultipartUpload(body, boundary.group(1));
        upload.parts(file, maxBytes);
        if (upload.fileName == null) {
            throw new IllegalArgumentException("the form has no file part (a part with a filename)");
        }
        return upload;
    }

    private void parts(Path file, long maxBytes) throws IOException {
        if (!skipTo(OutputStream.nullOutputStream(), 2, Long.MAX_VALUE)) {
            throw new IllegalArgumentException("the body has no multipart boundary");
        }
        while (true) {
            int a = next();
            int b = next();
            if (a == '-' && b == '-') {
                return;
            }
            String headers = headers();
            Matcher name = NAME.matcher(headers);
            Matcher fileNameMatcher = FILE_NAME.matcher(headers);
            String partName = name.find() ? name.group(1) : "";
            if (fileNameMatcher.find() && fileName == null) {
                fileName = Path.of(fileNameMatcher.group(1).replace('\\', '/'))
                        .getFileName()
                        .toString();
                boolean ended;
                try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    ended = skipTo(out, 0, maxBytes);
                }
                if (!ended) {
                    Files.deleteIfExists(file);
                    throw new WebApplicationException(
                            "the file is larger than the upload limit of " + maxBytes + " bytes", 413);
                }
            } else {
                var value = new ByteArrayOutputStream();
                if (!skipTo(value, 0, FIELD_LIMIT)) {
                    throw new IllegalArgumentException("form field '" + partName + "' is too long or not closed");
                }
                fields.put(partName, value.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private String headers() throws IOException {
        var headers = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int c = next();
            if (c < 0 || headers.length() > FIELD_LIMIT) {
                throw new IllegalArgumentException("unterminated part headers");
            }
            headers.append((char) c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : c == '\r' ? 1 : 0;
        }
        return headers.toString();
    }

    /**
     * Copies bytes to out until the delimiter; false when the stream ends first or more than max
     * bytes would be copied. The delimiter begins with CR LF and the boundary holds no CR, so a
     * mismatch can only restart a match at the current byte.
     */
    private boolean skipTo(OutputStream out, int alreadyMatched, long max) throws IOException {
        int matched = alreadyMatched;
        long copied = 0;
        while (true) {
            int c = next();
            if (c < 0) {
                return false;
            }
            if (c == (delimiter[matched] & 0xFF)) {
                if (++matched == delimiter.length) {
                    return true;
                }
                continue;
            }
            if (matched > 0) {
                out.write(delimiter, 0, matched);
                copied += matched;
                matched = c == '\r' ? 1 : 0;
                if (matched == 1) {
                    continue;
                }
            }
            out.write(c);
            if (++copied > max) {
                return false;
            }
        }
    }

    private int next() throws IOException {
        if (position == limit) {
            limit = in.read(buffer);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xFF;
    }
}
