package ro.runner.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials the identity store accepted a moment ago, so an API client that sends the same HTTP
 * Basic header on every call is not hashed and looked up every time. Kept under a salted SHA-256 of
 * the header (the salt is random per server start), never the password itself; entries expire, and
 * the whole map is dropped if it ever holds more than {@value #MAX} entries.
 */
public class ValidatedCredentials {

    static final int MAX = 10_000;

    public record Caller(String caller, Set<String> groups, long expiresAtNanos) {}

    private final Map<String, Caller> callers = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    public ValidatedCredentials() {
        new SecureRandom().nextBytes(salt);
    }

    /** The caller of a header validated within its time to live, or null. */
    public Caller find(String header) {
        String key = key(header);
        Caller caller = callers.get(key);
        if (caller == null) {
            return null;
        }
        if (System.nanoTime() - caller.expiresAtNanos() > 0) {
            callers.remove(key, caller);
            return null;
        }
        return caller;
    }

    public void keep(String header, String caller, Set<String> groups, Duration timeToLive) {
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            return;
        }
        if (callers.size() >= MAX) {
            callers.clear();
        }
        callers.put(key(header), new Caller(caller, Set.copyOf(groups), System.nanoTime() + timeToLive.toNanos()));
    }

    private String key(String header) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(header.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
