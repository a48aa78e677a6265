package ro.runner.runs.console;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * Turns the outcome of a console action into a message for the operator. A failure shows the
 * boundary's own explanation (the cause inside an {@link EJBException}), never a stack trace.
 */
public final class Feedback {

    private Feedback() {}

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    public static void error(String text) {
        add(null, FacesMessage.SEVERITY_ERROR, text);
    }

    public static void error(Exception failure) {
        error(reason(failure));
    }

    /** Shows the failure next to one field and keeps its dialog open. */
    static void invalid(String clientId, Exception failure) {
        add(clientId, FacesMessage.SEVERITY_ERROR, reason(failure));
        FacesContext.getCurrentInstance().validationFailed();
    }

    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
