package ro.runner.imports.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.lang.annotation.ElementType;
import java.nio.charset.Charset;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Streams the file a record at a time through {@link CsvFile}, splitting, mapping and validating
 * each record on a read-ahead thread ({@link ReadAhead}), so that parsing the next chunk overlaps the
 * database writing the current one. A rejected line is not filtered out but handed on with its
 * reasons, so the writer records it in the same transaction as the chunk's rows. The checkpoint is
 * the last line and the byte offset after the last record handed to the chunk, so a restart seeks
 * straight there. The header is read again at every open to rebuild the column mapping.
 */
@Dependent
@Named("catalogImportReader")
public class CatalogImportReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(CatalogImportReader.class.getName());

    /**
     * Records parsed ahead of the chunk: one chunk at the default size (half a chunk left the
     * writer waiting 2 s of a 1M-line import).
     */
    private static final int AHEAD = 20_000;

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

    /** At most so many records a chunk (see {@link ChunkBudget}). */
    @Inject
    @BatchProperty
    String chunk;

    /** At most so many bytes of the file a chunk. */
    @Inject
    @BatchProperty
    String chunkBytes;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ValidatorFactory validation;

    private final JsonBuilderFactory json = Json.createBuilderFactory(Map.of());
    private CsvFile csv;
    private Target target;
    private char delimiter;
    private boolean commaBelow;
    private String[] fieldOf;
    private String[] header;
    private Map<String, String> columnOf;
    private Validator validator;
    private ReadAhead<Checked> ahead;
    private LinePosition position;
    private ChunkBudget budget;

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
        csv = new CsvFile(java.nio.file.Path.of(file), charset, new LinePosition(0, 0));
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
            csv = new CsvFile(java.nio.file.Path.of(file), charset, position);
        }
        csv.separator(delimiter);
        position = new LinePosition(csv.line(), csv.offset());
        budget =
                new ChunkBudget(Integer.parseInt(chunk.strip()), Long.parseLong(chunkBytes.strip()), position.offset());
        step.setTransientUserData(budget);
        validator =
                validation.usingContext().traversableResolver(new Everything()).getValidator();
        ahead = new ReadAhead<>(threads, AHEAD, () -> {
            CsvFile.Text text;
            do {
                text = csv.next();
                if (text == null) {
                    return null;
                }
            } while (text.text().isBlank());
            return check(text, csv.line());
        });
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
    public Object readItem() throws Exception {
        Checked item = ahead.next();
        if (item != null) {
            position = new LinePosition(item.lastLine(), item.nextOffset());
            budget.read(item.nextOffset());
        }
        return item;
    }

    /** Splits, maps and validates one record; runs on the read-ahead thread. */
    private Checked check(CsvFile.Text text, long lastLine) {
        long line = text.line();
        List<String> fields;
        try {
            fields = CsvFields.split(text.text(), delimiter);
        } catch (MalformedRecord e) {
            return rejected(line, lastLine, text, e.getMessage());
        }
        if (fields.size() != header.length) {
            return rejected(line, lastLine, text, "expected " + header.length + " columns, found " + fields.size());
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
        var rejections = new ArrayList<Rejection>();
        Record row = target.rows.parse(values, this::column, validator, line, rejections);
        return new Checked(
                target,
                line,
                lastLine,
                text.nextOffset(),
                row,
                attributes == null ? "{}" : attributes.build().toString(),
                rejections);
    }

    private Checked rejected(long line, long lastLine, CsvFile.Text text, String reason) {
        String value = text.text().length() > 200 ? text.text().substring(0, 200) + "…" : text.text();
        return new Checked(
                target, line, lastLine, text.nextOffset(), null, null, List.of(Rejection.ofLine(line, value, reason)));
    }

    private String column(String field) {
        return columnOf.getOrDefault(field, field);
    }

    /** After the last record handed to the chunk, not after what the read-ahead thread has reached. */
    @Override
    public Serializable checkpointInfo() {
        return position;
    }

    @Override
    public void close() throws IOException {
        if (ahead != null) {
            ahead.close();
            LOG.info(() -> String.format(
                    "%s: the reader waited %.1f s for parsed records; parsing thread CPU %.1f s",
                    file, ahead.consumerWaitNanos() / 1e9, ahead.producerCpuNanos() / 1e9));
        }
        if (csv != null) {
            csv.close();
        }
    }

    /**
     * Rows are plain records, never JPA entities: the default traversable resolver would ask the
     * persistence provider whether every property is loaded, which costs more than the validation.
     */
    private static final class Everything implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            return true;
        }
    }
}
