package ro.runner.imports.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
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
import java.lang.annotation.ElementType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Streams one partition of the file (a byte range starting at a record, {@link
 * CatalogImportPartitions}) a record at a time through {@link CsvFile}, splitting, mapping and
 * validating each record on a read-ahead thread ({@link ReadAhead}), so that parsing the next chunk
 * overlaps the database writing the current one. A rejected line is not filtered out but handed on
 * with its reasons, so the writer records it in the same transaction as the chunk's rows. It starts
 * where the partition's last committed chunk ended, as its {@code import_partitions} row says (the
 * writer advances the row in each chunk's transaction), so a restart seeks straight there; the
 * runtime's checkpoint (the same position) is informative. The header is read again at every open to
 * rebuild the column mapping.
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
    @BatchProperty
    String importId;

    /** Which of the import's partitions (import_partitions) this reader reads. */
    @Inject
    @BatchProperty
    String partition;

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
            openPartition(); // the runtime's checkpoint is not used: the partition's row holds it
        } catch (IllegalArgumentException | IOException e) {
            step.setExitStatus("cannot read the file: " + e); // handed to the job by CatalogImportStatus
            throw e;
        }
    }

    private void openPartition() throws IOException, SQLException {
        var input = ImportFile.open(primary, profile, separator, encoding, java.nio.file.Path.of(file));
        target = input.target();
        delimiter = input.delimiter();
        header = input.header();
        fieldOf = input.fieldOf();
        columnOf = input.columnOf();
        commaBelow = !"keep".equalsIgnoreCase(diacritics);
        long until;
        LinePosition from;
        try (var connection = primary.getConnection();
                var select = connection.prepareStatement("SELECT last_line, next_offset, end_offset"
                        + " FROM import_partitions WHERE import_id = ? AND partition_no = ?")) {
            select.setLong(1, Long.parseLong(importId));
            select.setInt(2, Integer.parseInt(partition.strip()));
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("import " + importId + " has no partition " + partition);
                }
                from = new LinePosition(row.getLong(1), row.getLong(2));
                long end = row.getLong(3);
                until = row.wasNull() ? Long.MAX_VALUE : end;
            }
        }
        csv = input.from(from);
        position = from;
        budget = new ChunkBudget(Integer.parseInt(chunk.strip()), Long.parseLong(chunkBytes.strip()), from.offset());
        step.setTransientUserData(budget);
        validator =
                validation.usingContext().traversableResolver(new Everything()).getValidator();
        ahead = new ReadAhead<>(threads, AHEAD, () -> {
            long offset = csv.offset();
            CsvFile.Text text;
            do {
                if (csv.offset() >= until) {
                    return null;
                }
                text = csv.next();
                if (text == null) {
                    return null;
                }
            } while (text.text().isBlank());
            return check(text, offset, csv.line());
        });
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

    /**
     * Splits, maps and validates one record (whose reading began at offset, blank lines before it
     * included); runs on the read-ahead thread.
     */
    private Checked check(CsvFile.Text text, long offset, long lastLine) {
        long line = text.line();
        List<String> fields;
        try {
            fields = CsvFields.split(text.text(), delimiter);
        } catch (MalformedRecord e) {
            return rejected(line, offset, lastLine, text, e.getMessage());
        }
        if (fields.size() != header.length) {
            return rejected(
                    line, offset, lastLine, text, "expected " + header.length + " columns, found " + fields.size());
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
                offset,
                text.nextOffset(),
                row,
                attributes == null ? "{}" : attributes.build().toString(),
                rejections);
    }

    private Checked rejected(long line, long offset, long lastLine, CsvFile.Text text, String reason) {
        String value = text.text().length() > 200 ? text.text().substring(0, 200) + "…" : text.text();
        return new Checked(
                target,
                line,
                lastLine,
                offset,
                text.nextOffset(),
                null,
                null,
                List.of(Rejection.ofLine(line, value, reason)));
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
