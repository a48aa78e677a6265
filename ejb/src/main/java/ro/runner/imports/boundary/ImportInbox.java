package ro.runner.imports.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The inbox folder suppliers' files are dropped into (system property {@code runner.imports.inbox},
 * else environment variable {@code RUNNER_IMPORTS_INBOX}, else {@code <data>/imports/inbox}). A scan
 * claims each settled file by moving it into {@code processing/} (an atomic rename, so two scans or
 * two nodes never take the same file), imports it with the profile its name starts with
 * ({@code vehicles-…}, {@code vehicles_…}) or the default profile, and a later scan moves it to
 * {@code processed/} or {@code failed/} once its import has ended (the import row follows the file,
 * so a failed one can still be restarted). Files whose names start with a dot or end in .part or
 * .tmp are still being written and are left alone, as is any file changed in the last
 * {@code minAgeSeconds}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportInbox {

    private static final Logger LOG = Logger.getLogger(ImportInbox.class.getName());

    @EJB
    CatalogImports imports;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    public Path folder() throws IOException {
        String configured = System.getProperty("runner.imports.inbox", System.getenv("RUNNER_IMPORTS_INBOX"));
        Path inbox =
                configured == null || configured.isBlank() ? imports.uploads().resolve("inbox") : Path.of(configured);
        for (String sub : List.of("processing", "processed", "failed")) {
            Files.createDirectories(inbox.resolve(sub));
        }
        return inbox;
    }

    /** One scan: files whose import ended are filed away, then new files are claimed and submitted. */
    public String scan(String defaultProfile, long minAgeSeconds) throws IOException, SQLException {
        Path inbox = folder();
        int filed = fileFinished(inbox);
        var profiles = imports.profiles().stream().map(p -> p.name()).toList();
        var submitted = new ArrayList<String>();
        var rejected = new ArrayList<String>();
        Instant settled = Instant.now().minusSeconds(minAgeSeconds);
        for (Path file : waiting(inbox, settled)) {
            String name = file.getFileName().toString();
            Path claimed = inbox.resolve("processing").resolve(name);
            try {
                Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException | FileAlreadyExistsException | AtomicMoveNotSupportedException taken) {
                continue; // another scan took it, or a file of that name is still being imported
            }
            String profile = profiles.stream()
                    .filter(p -> name.startsWith(p + "-") || name.startsWith(p + "_"))
                    .max(Comparator.comparingInt(String::length))
                    .orElse(defaultProfile);
            try {
                var view = imports.submit(profile, name, claimed, Map.of());
                submitted.add(name + " (import " + view.id() + ", profile " + profile + ")");
            } catch (RuntimeException e) {
                moveAway(claimed, inbox.resolve("failed"));
                rejected.add(name + ": " + e.getMessage());
                LOG.warning(() -> "inbox file " + name + " not imported: " + e.getMessage());
            }
        }
        return "submitted " + submitted.size() + " " + submitted + ", not importable " + rejected.size() + " "
                + rejected + ", filed " + filed + " finished";
    }

    private static List<Path> waiting(Path inbox, Instant settled) throws IOException {
        try (var files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return !n.startsWith(".") && !n.endsWith(".part") && !n.endsWith(".tmp");
                    })
                    .filter(f -> {
                        try {
                            return Files.getLastModifiedTime(f).toInstant().isBefore(settled);
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .sorted()
                    .toList();
        }
    }

    /** Moves the files of ended imports out of processing/ and records where each went. */
    private int fileFinished(Path inbox) throws IOException, SQLException {
        String processing = inbox.resolve("processing").toString() + "/";
        int filed = 0;
        try (var connection = primary.getConnection();
                var select = connection.prepareStatement("SELECT id, file_path, status FROM imports"
                        + " WHERE file_path LIKE ? || '%' AND status IN ('COMPLETED', 'FAILED', 'STOPPED')");
                var update = connection.prepareStatement("UPDATE imports SET file_path = ? WHERE id = ?")) {
            select.setString(1, processing);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    Path file = Path.of(rows.getString(2));
                    Path to = inbox.resolve("COMPLETED".equals(rows.getString(3)) ? "processed" : "failed");
                    if (Files.exists(file)) {
                        Path moved = moveAway(file, to);
                        update.setString(1, moved.toString());
                        update.setLong(2, rows.getLong(1));
                        update.executeUpdate();
                        filed++;
                    }
                }
            }
        }
        return filed;
    }

    /** Moves a file into a folder, under a new name if one of that name is there already. */
    private static Path moveAway(Path file, Path folder) throws IOException {
        Path to = folder.resolve(file.getFileName());
        if (Files.exists(to)) {
            to = folder.resolve(System.currentTimeMillis() + "-" + file.getFileName());
        }
        return Files.move(file, to, StandardCopyOption.ATOMIC_MOVE);
    }
}
