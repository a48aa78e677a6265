package ro.runner.runs.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import ro.runner.runs.boundary.RunQueries;
import ro.runner.runs.entity.Run;
import ro.runner.runs.entity.RunFilter;
import ro.runner.runs.entity.RunKind;
import ro.runner.runs.entity.RunStatus;

/**
 * The Runs page: the ledger, newest first, one page at a time from the replica. The filter lives in
 * the URL ({@code ?status=FAILED&name=runs-retention}), so a link or a bookmark can point at exactly
 * the runs someone should look at.
 */
@Named
@ViewScoped
public class RunsPage implements Serializable {

    private static final String SELF = "/console/runs.xhtml?faces-redirect=true";

    @Inject
    RunQueries queries;

    private final LazyDataModel<Run> runs = new Ledger();
    private RunKind kind;
    private RunStatus status;
    private String name;
    private String tag;
    private Run selected;

    public String search() {
        return SELF + "&includeViewParams=true";
    }

    public String clear() {
        return SELF;
    }

    public void show(long id) {
        selected = queries.byId(id).orElse(null);
        if (selected == null) {
            Feedback.error("Run " + id + " is no longer in the ledger.");
        }
    }

    private RunFilter filter(int page, int size) {
        return new RunFilter(kind, status, name, tag, page, size);
    }

    /** Each table page is one {@link RunQueries#find} on the current filter. */
    private final class Ledger extends LazyDataModel<Run> {

        @Override
        public int count(Map<String, FilterMeta> ignored) {
            try {
                return (int) queries.find(filter(0, 1)).total();
            } catch (RuntimeException e) {
                Feedback.error(e);
                return 0;
            }
        }

        @Override
        public List<Run> load(int first, int size, Map<String, SortMeta> sort, Map<String, FilterMeta> ignored) {
            int rows = Math.min(Math.max(size, 1), RunFilter.MAX_SIZE);
            try {
                return queries.find(filter(first / rows, rows)).items();
            } catch (RuntimeException e) {
                Feedback.error(e);
                return List.of();
            }
        }
    }

    public RunKind[] getKinds() {
        return RunKind.values();
    }

    public RunStatus[] getStatuses() {
        return RunStatus.values();
    }

    public LazyDataModel<Run> getRuns() {
        return runs;
    }

    public Run getSelected() {
        return selected;
    }

    public RunKind getKind() {
        return kind;
    }

    public void setKind(RunKind kind) {
        this.kind = kind;
    }

    public RunStatus getStatus() {
        return status;
    }

    public void setStatus(RunStatus status) {
        this.status = status;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }
}
