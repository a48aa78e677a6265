package ro.runner.imports.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.primefaces.event.FileUploadEvent;
import ro.runner.imports.boundary.CatalogImports;
import ro.runner.imports.entity.ImportError;
import ro.runner.imports.entity.ImportProfile;
import ro.runner.imports.entity.ImportView;
import ro.runner.runs.console.OperatorAction;

/**
 * The Imports page: upload a supplier file with a profile and options, follow every import's
 * progress (percent of the file, rows/s, ETA) live, read its rejected lines, stop and restart it.
 */
@Named
@ViewScoped
public class ImportsPage implements Serializable {

    @EJB
    CatalogImports imports;

    private String profile = "products";
    private String encoding = "";
    private String separator = "auto";
    private Long errorsOf;
    private List<ImportError> errors = List.of();

    @OperatorAction
    public void upload(FileUploadEvent event) {
        try {
            var file = imports.uploads().resolve(UUID.randomUUID() + ".csv");
            try (var in = event.getFile().getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            var view = imports.submit(
                    profile, event.getFile().getFileName(), file, Map.of("encoding", encoding, "separator", separator));
            message(FacesMessage.SEVERITY_INFO, "import " + view.id() + " of " + view.fileName() + " started");
        } catch (IOException | SQLException | RuntimeException e) {
            message(FacesMessage.SEVERITY_ERROR, reason(e));
        }
    }

    @OperatorAction
    public void stop(long id) {
        try {
            imports.stop(id);
            message(FacesMessage.SEVERITY_INFO, "stop requested for import " + id);
        } catch (SQLException | RuntimeException e) {
            message(FacesMessage.SEVERITY_ERROR, reason(e));
        }
    }

    @OperatorAction
    public void restart(long id) {
        try {
            imports.restart(id);
            message(FacesMessage.SEVERITY_INFO, "import " + id + " restarted from its last checkpoint");
        } catch (SQLException | RuntimeException e) {
            message(FacesMessage.SEVERITY_ERROR, reason(e));
        }
    }

    public void showErrors(long id) throws SQLException {
        errorsOf = id;
        errors = imports.errors(id, 1000);
    }

    public List<ImportView> getImports() throws SQLException {
        return imports.recent(50);
    }

    public List<ImportProfile> getProfiles() throws SQLException {
        return imports.profiles();
    }

    public boolean running(ImportView view) {
        return "STARTED".equals(view.status());
    }

    public boolean restartable(ImportView view) {
        return "STOPPED".equals(view.status()) || "FAILED".equals(view.status());
    }

    public String eta(ImportView view) {
        Long seconds = view.etaSeconds();
        return seconds == null
                ? ""
                : seconds >= 3600
                        ? seconds / 3600 + " h " + seconds % 3600 / 60 + " min"
                        : seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof jakarta.ejb.EJBException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    public String getSeparator() {
        return separator;
    }

    public void setSeparator(String separator) {
        this.separator = separator;
    }

    public Long getErrorsOf() {
        return errorsOf;
    }

    public List<ImportError> getErrors() {
        return errors;
    }
}
