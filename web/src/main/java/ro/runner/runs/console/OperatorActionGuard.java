package ro.runner.runs.console;

import jakarta.annotation.Priority;
import jakarta.faces.context.FacesContext;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;

/**
 * Refuses an {@link OperatorAction} to a viewer on the server, so a hidden button re-enabled in the
 * browser or a hand-made postback changes nothing. The action is skipped and the viewer told why.
 */
@OperatorAction
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class OperatorActionGuard implements Serializable {

    @AroundInvoke
    Object allowOperators(InvocationContext invocation) throws Exception {
        var faces = FacesContext.getCurrentInstance();
        if (ConsoleSession.mayChange(faces.getExternalContext())) {
            return invocation.proceed();
        }
        Feedback.error("Viewers can look but not change anything; ask an operator.");
        faces.validationFailed();
        return null;
    }
}
