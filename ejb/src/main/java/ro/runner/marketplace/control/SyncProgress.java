package ro.runner.marketplace.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ro.runner.marketplace.entity.Progress;

/** The syncs running on this node, page by page, for the progress API, the console and WebSocket. */
@ApplicationScoped
public class SyncProgress {

    private final Map<String, Progress> running = new ConcurrentHashMap<>();

    public void start(String account, String what, long pagesTotal) {
        start(account, what, pagesTotal, 0);
    }

    /** A restarted sync starts at the pages its earlier execution committed. */
    public void start(String account, String what, long pagesTotal, long pagesDone) {
        running.put(key(account, what), new Progress(account, what, pagesDone, pagesTotal, 0, Instant.now(), 0, null));
    }

    public void page(String account, String what, long items) {
        running.computeIfPresent(key(account, what), (k, p) -> p.advance(items, Instant.now()));
    }

    public void finish(String account, String what) {
        running.remove(key(account, what));
    }

    public List<Progress> running() {
        Instant now = Instant.now();
        return running.values().stream().map(p -> p.at(now)).toList();
    }

    private static String key(String account, String what) {
        return account + "/" + what;
    }
}
