package ro.runner.marketplace.control;

/** eMAG refused the call for a reason repeating will not fix: credentials, IP, an invalid request. */
public class EmagRefused extends RuntimeException {

    public EmagRefused(String message) {
        super(message);
    }
}
