package ro.runner.security.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import ro.runner.security.entity.Role;

/**
 * Creates the user {@code admin} the first time the application starts on an empty database, with
 * the password from {@code RUNNER_ADMIN_PASSWORD} when set, otherwise a generated one printed once in
 * the server log. The insert is conditional, so nodes starting together create one admin.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class FirstAdmin {

    static final String USER = "admin";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void createOnFirstStart() {
        long users =
                (Long) primary.createNativeQuery("SELECT count(*) FROM users").getSingleResult();
        if (users > 0) {
            return;
        }
        String configured = System.getenv("RUNNER_ADMIN_PASSWORD");
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        int created = primary.createNativeQuery("INSERT INTO users (username, password_hash) VALUES (?1, ?2)"
                        + " ON CONFLICT (username) DO NOTHING")
                .setParameter(1, USER)
                .setParameter(2, hash.generate(password.toCharArray()))
                .executeUpdate();
        if (created == 0) {
            return;
        }
        for (String role : new String[] {Role.ADMIN, Role.OPERATOR, Role.VIEWER}) {
            primary.createNativeQuery("INSERT INTO user_roles (username, role) VALUES (?1, ?2)")
                    .setParameter(1, USER)
                    .setParameter(2, role)
                    .executeUpdate();
        }
        if (generated) {
            LOG.warning("Runner first admin created: user 'admin', password '" + password
                    + "' (shown once: change it, or set RUNNER_ADMIN_PASSWORD before the first start)");
        } else {
            LOG.info("Runner first admin created: user 'admin', password from RUNNER_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
