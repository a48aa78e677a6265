package ro.runner.marketplace.entity;

import java.time.Duration;
import java.time.Instant;

/** One running sync: pages done of total, items stored, speed and the estimated time left. */
public record Progress(
        String account,
        String what,
        long pagesDone,
        long pagesTotal,
        long items,
        Instant startedAt,
        double itemsPerSecond,
        Long etaSeconds) {

    public Progress advance(long more, Instant now) {
        return new Progress(
                        account,
                        what,
                        pagesDone + 1,
                        Math.max(pagesTotal, pagesDone + 1),
                        items + more,
                        startedAt,
                        0,
                        null)
                .at(now);
    }

    /** Recomputes speed and ETA (from pages, the unit the total is known in) at {@code now}. */
    public Progress at(Instant now) {
        double seconds = Math.max(0.001, Duration.between(startedAt, now).toMillis() / 1000.0);
        Long eta = pagesDone == 0 ? null : Math.round(seconds / pagesDone * Math.max(0, pagesTotal - pagesDone));
        return new Progress(account, what, pagesDone, pagesTotal, items, startedAt, items / seconds, eta);
    }
}
