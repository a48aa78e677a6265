package ro.runner.runs.console;

import jakarta.annotation.Priority;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import ro.runner.data.console.ConsoleWrites;

/**
 * Refuses an {@link OperatorAction} to a viewer on the server, so a hidden button re-enabled in the
 * browser or a hand-made postback changes nothing. The action is skipped and the viewer told why.
 * An allowed action is a write: it reads from the primary and leaves its WAL position in the session.
 */
@OperatorAction
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class OperatorActionGuard implements Serializable {

    @Inject
    ConsoleWrites writes;

    @AroundInvoke
    Object allowOperators(InvocationContext invocation) throws Exception {
        var faces = FacesContext.getCurrentInstance();
        if (ConsoleSession.mayChange(faces.getExternalContext())) {
            writes.writing();
            Object result = invocation.proceed();
            writes.written(faces.getExternalContext());
            return result;
        }
        Feedback.error("Viewers can look but not change anything; ask an operator.");
        faces.validationFailed();
        return null;
    }
}
