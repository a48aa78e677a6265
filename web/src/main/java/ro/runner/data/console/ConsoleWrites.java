package ro.runner.data.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import ro.runner.data.api.ReadPositionFilter;
import ro.runner.data.boundary.PrimaryPosition;
import ro.runner.data.control.ReaderPosition;

/**
 * Read-your-writes for the console: an operator action reads from the primary while it runs, and
 * afterwards the session keeps the primary's WAL position so that operator's next pages read from a
 * replica only once it has replayed the change.
 */
@ApplicationScoped
public class ConsoleWrites {

    @Inject
    ReaderPosition reader;

    @EJB
    PrimaryPosition primary;

    public void writing() {
        reader.writing();
    }

    public void written(ExternalContext external) {
        external.getSessionMap().put(ReadPositionFilter.SESSION, primary.now());
    }
}
