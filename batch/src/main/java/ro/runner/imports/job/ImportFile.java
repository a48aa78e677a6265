package ro.runner.imports.job;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A supplier file as its mapping profile reads it: the target, the charset, the separator (given,
 * the profile's, or detected from the header), the header's columns and the field each feeds, and
 * where the first record after the header starts. The partition mapper and every partition's reader
 * open the file through this, so they agree on where records begin.
 */
record ImportFile(
        Path path,
        Target target,
        Charset charset,
        char delimiter,
        String[] header,
        String[] fieldOf,
        Map<String, String> columnOf,
        LinePosition afterHeader) {

    /**
     * Reads the profile and the header line. A file that cannot be read, has no header or no column
     * for the key, an unknown profile or encoding: IllegalArgumentException or IOException, with a
     * message for the operator.
     */
    static ImportFile open(DataSource primary, String profile, String separator, String encoding, Path path)
            throws IOException, SQLException {
        var found = Profile.load(primary, profile);
        String chosenSeparator = separator == null || separator.isBlank() ? found.separator() : separator;
        String chosenEncoding = encoding == null || encoding.isBlank() ? found.encoding() : encoding;
        Charset charset = Charset.forName(chosenEncoding);
        try (var csv = new CsvFile(path, charset, new LinePosition(0, 0))) {
            var first = csv.next();
            if (first == null) {
                throw new IllegalArgumentException("the file is empty: a header line is required");
            }
            char delimiter = chosenSeparator == null || chosenSeparator.isBlank() || "auto".equals(chosenSeparator)
                    ? CsvFields.detect(first.text())
                    : chosenSeparator.charAt(0);
            String[] header;
            try {
                header = CsvFields.split(first.text(), delimiter).stream()
                        .map(String::strip)
                        .toArray(String[]::new);
            } catch (MalformedRecord e) {
                throw new IllegalArgumentException("the header line is not valid CSV: " + e.getMessage());
            }
            var target = found.target();
            var fieldOf = new String[header.length];
            var columnOf = new HashMap<String, String>();
            for (int i = 0; i < header.length; i++) {
                String field =
                        found.mapping().get(header[i].toLowerCase(Locale.ROOT).replace("\uFEFF", ""));
                if (field != null && target.columns.contains(field)) {
                    fieldOf[i] = field;
                    columnOf.put(field, header[i]);
                }
            }
            if (!columnOf.containsKey(target.key)) {
                throw new IllegalArgumentException("no column of the header " + List.of(header) + " maps to '"
                        + target.key + "' in profile '" + profile + "'");
            }
            return new ImportFile(
                    path,
                    target,
                    charset,
                    delimiter,
                    header,
                    fieldOf,
                    columnOf,
                    new LinePosition(csv.line(), csv.offset()));
        }
    }

    /** The file read from a position (the header's end, a partition's start or a checkpoint). */
    CsvFile from(LinePosition position) throws IOException {
        var csv = new CsvFile(path, charset, position);
        csv.separator(delimiter);
        return csv;
    }

    /** A mapping profile: its target, column → field mapping and default separator and encoding. */
    private record Profile(Target target, Map<String, String> mapping, String separator, String encoding) {

        static Profile load(DataSource primary, String name) throws SQLException {
            try (var connection = primary.getConnection();
                    var select = connection.prepareStatement(
                            "SELECT target, columns::text, separator, encoding FROM import_profiles WHERE name = ?")) {
                select.setString(1, name);
                try (var row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("no import profile named '" + name + "'");
                    }
                    var mapping = new HashMap<String, String>();
                    Json.createReader(new StringReader(row.getString(2)))
                            .readObject()
                            .forEach((column, field) -> mapping.put(
                                    column.strip().toLowerCase(Locale.ROOT),
                                    field.toString().replace("\"", "")));
                    return new Profile(Target.valueOf(row.getString(1)), mapping, row.getString(3), row.getString(4));
                }
            }
        }
    }
}
