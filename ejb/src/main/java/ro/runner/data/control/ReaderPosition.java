package ro.runner.data.control;

import jakarta.enterprise.context.RequestScoped;
import ro.runner.data.entity.Lsn;

/**
 * Where the current reader must read from at least: the primary's WAL position after that user's
 * last write (carried by their session, or by the API client in a header or cookie), and whether
 * this request itself writes (then its reads stay on the primary).
 */
@RequestScoped
public class ReaderPosition {

    private Lsn lastWrite;
    private boolean writing;

    public void remember(Lsn position) {
        if (position != null && position.after(lastWrite)) {
            lastWrite = position;
        }
    }

    public void writing() {
        writing = true;
    }

    public Lsn lastWrite() {
        return lastWrite;
    }

    public boolean isWriting() {
        return writing;
    }
}
