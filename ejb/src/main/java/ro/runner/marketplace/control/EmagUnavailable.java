package ro.runner.marketplace.control;

/**
 * A call that may succeed if repeated: 429, 5xx, a timeout, a malformed body. {@code retryAfterMillis}
 * is eMAG's Retry-After when it sent one, else 0.
 */
public class EmagUnavailable extends RuntimeException {

    private final long retryAfterMillis;
    private final boolean rateLimited;

    public EmagUnavailable(String message, long retryAfterMillis, boolean rateLimited, Throwable cause) {
        super(message, cause);
        this.retryAfterMillis = retryAfterMillis;
        this.rateLimited = rateLimited;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    public boolean rateLimited() {
        return rateLimited;
    }
}
