package ro.runner.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ro.runner.security.control.ValidatedCredentials;
import ro.runner.security.entity.Role;

/**
 * One mechanism for two kinds of client, because Jakarta Security 3 allows one per application:
 * HTTP Basic for {@code /api} (stateless: every request carries its credentials, a failure is a 401
 * with a problem body) and a form for {@code /console} (the login page calls
 * {@code SecurityContext.authenticate}; the identity is then kept in the HTTP session). It lives in
 * the ejb module so every web module of the EAR sees the same mechanism and identity store.
 */
@ApplicationScoped
@DeclareRoles({Role.ADMIN, Role.OPERATOR, Role.VIEWER})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/primary",
        callerQuery = "SELECT password_hash FROM users WHERE username = ? AND enabled",
        groupsQuery = "SELECT role FROM user_roles WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class RunnerAuthentication implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    private static final String CALLER = RunnerAuthentication.class.getName() + ".caller";
    private static final String GROUPS = RunnerAuthentication.class.getName() + ".groups";

    @Inject
    IdentityStoreHandler identities;

    /**
     * How long a validated HTTP Basic credential is taken without asking the identity store again
     * (0: always ask). Each validation is a PBKDF2 hash and two queries, about a third of the CPU of
     * an API request that does little else; an API client sends the same credentials on every call.
     * A password change or a disabled user takes effect on this node within this time.
     */
    @Inject
    @ConfigProperty(name = "runner.security.basic-cache-seconds", defaultValue = "30")
    int basicCacheSeconds;

    private final ValidatedCredentials validated = new ValidatedCredentials();

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential offered = context.getAuthParameters().getCredential();
        if (offered != null) {
            return formLogin(request, context, identities.validate(offered));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            var known = validated.find(authorization);
            if (known != null) {
                return context.notifyContainerAboutLogin(known.caller(), known.groups());
            }
            CredentialValidationResult result = identities.validate(basic(authorization.substring(6)));
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return unauthorized(response, context, "wrong user name or password");
            }
            validated.keep(
                    authorization,
                    result.getCallerPrincipal().getName(),
                    result.getCallerGroups(),
                    Duration.ofSeconds(basicCacheSeconds));
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof String caller) {
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) session.getAttribute(GROUPS);
            return context.notifyContainerAboutLogin(caller, groups);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return unauthorized(response, context, "this resource needs HTTP Basic credentials");
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    private AuthenticationStatus formLogin(
            HttpServletRequest request, HttpMessageContext context, CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.changeSessionId();
        HttpSession session = request.getSession(true);
        session.setAttribute(CALLER, result.getCallerPrincipal().getName());
        session.setAttribute(GROUPS, Set.copyOf(result.getCallerGroups()));
        return context.notifyContainerAboutLogin(result);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Credential basic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0
                    ? new UsernamePasswordCredential(pair, "")
                    : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return new UsernamePasswordCredential("", "");
        }
    }

    private static AuthenticationStatus unauthorized(
            HttpServletResponse response, HttpMessageContext context, String detail) {
        try {
            response.setHeader("WWW-Authenticate", "Basic realm=\"runner\", charset=\"UTF-8\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail
                            + "\"}");
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
