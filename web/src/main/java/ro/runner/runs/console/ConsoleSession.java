package ro.runner.runs.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import ro.runner.security.entity.Role;

/**
 * Who is signed in to the console and what they may do, for the pages to show or hide controls, and
 * the sign-out. The pages' controls are a convenience; {@link OperatorActionGuard} is the check.
 */
@Named
@RequestScoped
public class ConsoleSession {

    private static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    FacesContext faces;

    public String getUser() {
        Principal user = faces.getExternalContext().getUserPrincipal();
        return user == null ? "" : user.getName();
    }

    /** Operators and admins change things; viewers only look. */
    public boolean isMayChange() {
        return mayChange(faces.getExternalContext());
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + LOGIN_PAGE);
    }

    static boolean mayChange(ExternalContext external) {
        return external.isUserInRole(Role.ADMIN) || external.isUserInRole(Role.OPERATOR);
    }
}
