package ro.runner.runs.api;

import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import ro.runner.imports.boundary.UnknownImport;
import ro.runner.runs.boundary.UnknownSchedule;

/**
 * Turns every failure into a problem body with the right status: what the client got wrong is a 4xx
 * that says what, a conflict with the state of a job is a 409, and only our own faults are a 500
 * (logged, with no internals in the answer).
 */
@Provider
public class Problems implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof WebApplicationException web) {
            Status status = Status.fromStatusCode(web.getResponse().getStatus());
            return Problem.response(status == null ? Status.BAD_REQUEST : status, e.getMessage());
        }
        if (e instanceof IllegalArgumentException || e instanceof JsonbException || e instanceof ProcessingException) {
            return Problem.response(Status.BAD_REQUEST, e.getMessage());
        }
        if (e instanceof UnknownSchedule
                || e instanceof UnknownImport
                || e instanceof NoSuchJobExecutionException
                || e instanceof NoSuchJobException) {
            return Problem.response(Status.NOT_FOUND, e.getMessage());
        }
        if (e instanceof JobRestartException
                || e instanceof JobExecutionAlreadyCompleteException
                || e instanceof JobExecutionNotMostRecentException
                || e instanceof JobExecutionIsRunningException
                || e instanceof JobExecutionNotRunningException
                || e instanceof OptimisticLockException) {
            return Problem.response(
                    Status.CONFLICT, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (e instanceof BatchRuntimeException && e.getMessage() != null) {
            return Problem.response(Status.CONFLICT, e.getMessage());
        }
        LOG.log(Level.SEVERE, "API request failed", thrown);
        return Problem.response(Status.INTERNAL_SERVER_ERROR, "an unexpected error happened; it is in the server log");
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof EJBException || e.getClass().getName().endsWith("TransactionRolledbackLocalException"))
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
