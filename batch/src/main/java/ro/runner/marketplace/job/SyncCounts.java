package ro.runner.marketplace.job;

import java.io.Serializable;

/** The product sync's writer checkpoint: what the committed chunks stored, so a restart counts on. */
record SyncCounts(long pages, long offers, long inserted, long updated) implements Serializable {

    static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0);

    SyncCounts plus(long pages, long offers, long inserted, long updated) {
        return new SyncCounts(
                this.pages + pages, this.offers + offers, this.inserted + inserted, this.updated + updated);
    }

    String summary(String account) {
        return account + ": " + pages + " pages, " + offers + " offers read, " + inserted + " new, " + updated
                + " updated";
    }
}
