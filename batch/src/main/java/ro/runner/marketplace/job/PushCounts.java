package ro.runner.marketplace.job;

import java.io.Serializable;

/** The offer push's writer checkpoint: changes pushed and refused, save requests sent. */
record PushCounts(long pushed, long refused, long requests) implements Serializable {

    static final PushCounts NONE = new PushCounts(0, 0, 0);

    PushCounts plus(long pushed, long refused, long requests) {
        return new PushCounts(this.pushed + pushed, this.refused + refused, this.requests + requests);
    }

    String summary(String account) {
        return account + ": " + pushed + " changes pushed, " + refused + " refused by eMAG, " + requests
                + " save requests";
    }
}
