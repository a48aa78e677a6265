package ro.runner.marketplace.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps account passwords out of plain text in the database: AES-256-GCM with a key derived from
 * the JVM option {@code runner.marketplace.key} or the environment variable
 * {@code RUNNER_MARKETPLACE_KEY}. Without either, a development key is used and a warning logged.
 */
@ApplicationScoped
public class Secrets {

    private static final Logger LOG = Logger.getLogger(Secrets.class.getName());
    private static final String PREFIX = "v1:";
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String decrypt(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalStateException("an account password is not in the encrypted form");
        }
        try {
            byte[] all = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "cannot decrypt an account password: was runner.marketplace.key changed? Enter the password again",
                    e);
        }
    }

    private SecretKeySpec key() throws GeneralSecurityException {
        if (key == null) {
            String configured = System.getProperty("runner.marketplace.key", System.getenv("RUNNER_MARKETPLACE_KEY"));
            if (configured == null || configured.isBlank()) {
                LOG.warning("runner.marketplace.key is not set: marketplace passwords use the development key");
                configured = "runner-development-key";
            }
            key = new SecretKeySpec(
                    MessageDigest.getInstance("SHA-256").digest(configured.getBytes(StandardCharsets.UTF_8)), "AES");
        }
        return key;
    }
}
