package ro.runner.imports.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Serializable;
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
 * Streams the file a record at a time through {@link CsvFile}; the checkpoint is the last line and
 * the byte offset after it, so a restart seeks straight there. The header is read again at every
 * open to rebuild the column mapping from the profile.
 */
@Dependent
@Named("catalogImportReader")
public class CatalogImportReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String file;

    @Inject
    @BatchProperty
    String profile;

    @Inject
    @BatchProperty
    String separator;

    @Inject
    @BatchProperty
    String encoding;

    @Inject
    @BatchProperty
    String diacritics;

    @Inject
    JobContext job;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    private final JsonBuilderFactory json = Json.createBuilderFactory(Map.of());
    private CsvFile csv;
    private Target target;
    private char delimiter;
    private boolean commaBelow;
    private String[] fieldOf;
    private String[] header;
    private Map<String, String> columnOf;

    @Override
    public void open(Serializable checkpoint) throws IOException, SQLException {
        try {
            openAt(checkpoint);
        } catch (IllegalArgumentException | IOException e) {
            job.setExitStatus("cannot read the file: " + e); // shown with the import, not only in the log
            throw e;
        }
    }

    private void openAt(Serializable checkpoint) throws IOException, SQLException {
        var mapping = loadProfile();
        Charset charset = Charset.forName(encoding);
        commaBelow = !"keep".equalsIgnoreCase(diacritics);
        csv = new CsvFile(Path.of(file), charset, new LinePosition(0, 0));
        var first = csv.next();
        if (first == null) {
            throw new IllegalArgumentException("the file is empty: a header line is required");
        }
        delimiter = separator == null || separator.isBlank() || "auto".equals(separator)
                ? CsvFields.detect(first.text())
                : separator.charAt(0);
        try {
            header = CsvFields.split(first.text(), delimiter).stream()
                    .map(String::strip)
                    .toArray(String[]::new);
        } catch (MalformedRecord e) {
            throw new IllegalArgumentException("the header line is not valid CSV: " + e.getMessage());
        }
        fieldOf = new String[header.length];
        columnOf = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String field = mapping.get(header[i].toLowerCase(Locale.ROOT).replace("\uFEFF", ""));
            if (field != null && target.columns.contains(field)) {
                fieldOf[i] = field;
                columnOf.put(field, header[i]);
            }
        }
        if (!columnOf.containsKey(target.key)) {
            throw new IllegalArgumentException("no column of the header " + List.of(header) + " maps to '" + target.key
                    + "' in profile '" + profile + "'");
        }
        if (checkpoint instanceof LinePosition position) {
            csv.close();
            csv = new CsvFile(Path.of(file), charset, position);
        }
        csv.separator(delimiter);
    }

    private Map<String, String> loadProfile() throws SQLException {
        try (var connection = primary.getConnection();
                var select = connection.prepareStatement(
                        "SELECT target, columns::text, separator, encoding FROM import_profiles WHERE name = ?")) {
            select.setString(1, profile);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("no import profile named '" + profile + "'");
                }
                target = Target.valueOf(row.getString(1));
                if (separator == null || separator.isBlank()) {
                    separator = row.getString(3);
                }
                if (encoding == null || encoding.isBlank()) {
                    encoding = row.getString(4);
                }
                var mapping = new HashMap<String, String>();
                var columns =
                        Json.createReader(new StringReader(row.getString(2))).readObject();
                columns.forEach((column, field) -> mapping.put(
                        column.strip().toLowerCase(Locale.ROOT),
                        field.toString().replace("\"", "")));
                return mapping;
            }
        }
    }

    @Override
    public Object readItem() throws IOException {
        CsvFile.Text text;
        do {
            text = csv.next();
            if (text == null) {
                return null;
            }
        } while (text.text().isBlank());
        long line = text.line();
        List<String> fields;
        try {
            fields = CsvFields.split(text.text(), delimiter);
        } catch (MalformedRecord e) {
            return rejected(line, text, e.getMessage());
        }
        if (fields.size() != header.length) {
            return rejected(line, text, "expected " + header.length + " columns, found " + fields.size());
        }
        var values = new HashMap<String, String>();
        JsonObjectBuilder attributes = null;
        for (int i = 0; i < header.length; i++) {
            String value = commaBelow ? Diacritics.commaBelow(fields.get(i)) : fields.get(i);
            if (fieldOf[i] != null) {
                values.put(fieldOf[i], value);
            } else if (!value.isBlank()) {
                attributes = attributes == null ? json.createObjectBuilder() : attributes;
                attributes.add(header[i], value);
            }
        }
        return new SourceLine(
                target,
                line,
                text.nextOffset(),
                values,
                attributes == null ? "{}" : attributes.build().toString(),
                List.of(),
                this::column);
    }

    private SourceLine rejected(long line, CsvFile.Text text, String reason) {
        String value = text.text().length() > 200 ? text.text().substring(0, 200) + "…" : text.text();
        return new SourceLine(
                target, line, text.nextOffset(), Map.of(), null, List.of(Rejection.ofLine(line, value, reason)), null);
    }

    private String column(String field) {
        return columnOf.getOrDefault(field, field);
    }

    @Override
    public Serializable checkpointInfo() {
        return new LinePosition(csv.line(), csv.offset());
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
    }
}
