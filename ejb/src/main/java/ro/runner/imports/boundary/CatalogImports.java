package ro.runner.imports.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import ro.runner.imports.entity.ImportError;
import ro.runner.imports.entity.ImportProfile;
import ro.runner.imports.entity.ImportView;
import ro.runner.runs.boundary.BatchJobs;
import ro.runner.runs.entity.Jsons;

/**
 * Submits stored files to the catalog-import job and answers for imports and mapping profiles.
 * Each statement commits on its own (no container transaction): the imports row must be committed
 * before the job it starts looks for it, and the job is started through the bean-managed
 * {@link BatchJobs} port. Reads go to the primary, since progress must show the latest chunk.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogImports {

    public static final String JOB = "catalog-import";
    private static final String VIEW = "SELECT id, profile, file_name, size_bytes, options, execution_id, status,"
            + " exit_status, read_count, written_count, skipped_count, last_line, bytes_done, created_at, started_at,"
            + " ended_at FROM imports";

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @EJB
    BatchJobs jobs;

    /** Where uploaded files are kept (the data folder of the server, shared by restarts). */
    public Path uploads() throws IOException {
        String dataDir = System.getProperty("runner.data.dir", System.getProperty("java.io.tmpdir") + "/runner");
        return Files.createDirectories(Path.of(dataDir, "imports"));
    }

    /** Records the import of a stored file and starts its job; options are checked first (400 if wrong). */
    public ImportView submit(String profile, String fileName, Path file, Map<String, String> options)
            throws SQLException, IOException {
        var checked = ImportOptions.check(options);
        profile(profile);
        long id;
        try (var connection = primary.getConnection();
                var insert = connection.prepareStatement("INSERT INTO imports (profile, file_name, file_path,"
                        + " size_bytes, options) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, profile);
            insert.setString(2, fileName);
            insert.setString(3, file.toString());
            insert.setLong(4, Files.size(file));
            insert.setString(
                    5,
                    checked.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" ")));
            try (var row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        var parameters = new LinkedHashMap<>(checked);
        parameters.put("importId", String.valueOf(id));
        parameters.put("file", file.toString());
        parameters.put("profile", profile);
        setExecution(id, jobs.start(JOB, parameters));
        return find(id);
    }

    public ImportView find(long id) throws SQLException {
        try (var connection = primary.getConnection();
                var select = connection.prepareStatement(VIEW + " WHERE id = ?")) {
            select.setLong(1, id);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new UnknownImport("no import " + id);
                }
                return view(rows);
            }
        }
    }

    public List<ImportView> recent(int limit) throws SQLException {
        try (var connection = primary.getConnection();
                var select = connection.prepareStatement(VIEW + " ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            var views = new ArrayList<ImportView>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    views.add(view(rows));
                }
            }
            return views;
        }
    }

    public ImportView stop(long id) throws SQLException {
        var current = find(id);
        jobs.stop(current.executionId());
        return find(id);
    }

    /**
     * Restarts the latest execution of a stopped or failed import from its last checkpoint, reading
     * the file where it is now (the inbox moves a failed file to failed/).
     */
    public ImportView restart(long id) throws SQLException {
        var current = find(id);
        setExecution(id, jobs.restart(current.executionId(), Map.of("file", filePath(id))));
        return find(id);
    }

    private String filePath(long id) throws SQLException {
        try (var connection = primary.getConnection();
                var select = connection.prepareStatement("SELECT file_path FROM imports WHERE id = ?")) {
            select.setLong(1, id);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    public List<ImportError> errors(long id, int limit) throws SQLException {
        find(id);
        try (var connection = primary.getConnection();
                var select = connection.prepareStatement("SELECT line_number, column_name, value, reason FROM"
                        + " import_errors WHERE import_id = ? ORDER BY line_number, column_name LIMIT ?")) {
            select.setLong(1, id);
            select.setInt(2, limit);
            var errors = new ArrayList<ImportError>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    errors.add(
                            new ImportError(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return errors;
        }
    }

    /** Every rejection of an import as CSV (line,column,value,reason), streamed in line order. */
    public void writeErrors(long id, Writer out) throws SQLException, IOException {
        find(id);
        try (var connection = primary.getConnection()) {
            connection.setAutoCommit(false); // a cursor instead of the whole result in memory
            try (var select = connection.prepareStatement("SELECT line_number, column_name, value, reason FROM"
                    + " import_errors WHERE import_id = ? ORDER BY line_number, column_name")) {
                select.setFetchSize(1000);
                select.setLong(1, id);
                out.write("line,column,value,reason\r\n");
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.write(rows.getLong(1) + "," + csv(rows.getString(2)) + "," + csv(rows.getString(3)) + ","
                                + csv(rows.getString(4)) + "\r\n");
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    public List<ImportProfile> profiles() throws SQLException {
        try (var connection = primary.getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT name, target, columns::text, separator, encoding FROM import_profiles"
                                + " ORDER BY name")) {
            var profiles = new ArrayList<ImportProfile>();
            while (rows.next()) {
                profiles.add(profile(rows));
            }
            return profiles;
        }
    }

    public ImportProfile profile(String name) throws SQLException {
        try (var connection = primary.getConnection();
                var select = connection.prepareStatement("SELECT name, target, columns::text, separator, encoding"
                        + " FROM import_profiles WHERE name = ?")) {
            select.setString(1, name);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no import profile named '" + name + "'");
                }
                return profile(rows);
            }
        }
    }

    /** Creates or replaces a mapping profile. */
    public ImportProfile save(ImportProfile profile) throws SQLException {
        ImportOptions.checkProfile(profile);
        var columns = Jsons.JSON.createObjectBuilder();
        profile.columns().forEach(columns::add);
        try (var connection = primary.getConnection();
                var upsert = connection.prepareStatement("INSERT INTO import_profiles (name, target, columns,"
                        + " separator, encoding) VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                        + " target = excluded.target, columns = excluded.columns, separator = excluded.separator,"
                        + " encoding = excluded.encoding, updated_at = now()")) {
            upsert.setString(1, profile.name());
            upsert.setString(2, profile.target());
            upsert.setString(3, columns.build().toString());
            upsert.setString(4, profile.separator());
            upsert.setString(5, profile.encoding() == null ? "UTF-8" : profile.encoding());
            upsert.executeUpdate();
        }
        return profile(profile.name());
    }

    private void setExecution(long id, long execution) throws SQLException {
        try (var connection = primary.getConnection();
                var update = connection.prepareStatement(
                        // the job's listener may have been first: then it has set both already
                        "UPDATE imports SET execution_id = ?, status = 'STARTED' WHERE id = ?"
                                + " AND execution_id IS DISTINCT FROM ?")) {
            update.setLong(1, execution);
            update.setLong(2, id);
            update.setLong(3, execution);
            update.executeUpdate();
        }
    }

    private static ImportProfile profile(ResultSet rows) throws SQLException {
        var columns = new TreeMap<String, String>();
        Jsons.JSON
                .createReader(new StringReader(rows.getString(3)))
                .readObject()
                .forEach((k, v) -> columns.put(k, v.toString().replace("\"", "")));
        return new ImportProfile(rows.getString(1), rows.getString(2), columns, rows.getString(4), rows.getString(5));
    }

    private static ImportView view(ResultSet rows) throws SQLException {
        long execution = rows.getLong(6);
        return ImportView.of(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getLong(4),
                rows.getString(5),
                rows.wasNull() ? null : execution,
                rows.getString(7),
                rows.getString(8),
                rows.getLong(9),
                rows.getLong(10),
                rows.getLong(11),
                rows.getLong(12),
                rows.getLong(13),
                instant(rows.getTimestamp(14)),
                instant(rows.getTimestamp(15)),
                instant(rows.getTimestamp(16)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
