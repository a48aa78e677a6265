package ro.runner.runs.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;

/**
 * The console's navigation, in one list so that a capability adds its page with one line. Pages
 * are Faces view ids under {@code /console}.
 */
@Named
@ApplicationScoped
public class ConsoleMenu {

    /** One navigation entry: its label, its view id and a PrimeIcons icon. */
    public record Entry(String label, String view, String icon) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("Runs", "/console/runs.xhtml", "pi pi-list"),
            new Entry("Schedules", "/console/schedules.xhtml", "pi pi-clock"),
            new Entry("Batch jobs", "/console/batch.xhtml", "pi pi-box"),
            new Entry("Orders", "/console/orders.xhtml", "pi pi-shopping-cart"),
            new Entry("Notifications", "/console/notifications.xhtml", "pi pi-envelope"),
            new Entry("Replication", "/console/replication.xhtml", "pi pi-server"),
            new Entry("Marketplace", "/console/marketplace.xhtml", "pi pi-globe"),
            new Entry("Imports", "/console/imports.xhtml", "pi pi-upload"));

    public List<Entry> getEntries() {
        return ENTRIES;
    }

    public boolean isCurrent(Entry entry) {
        var view = FacesContext.getCurrentInstance().getViewRoot();
        return view != null && entry.view().equals(view.getViewId());
    }
}
