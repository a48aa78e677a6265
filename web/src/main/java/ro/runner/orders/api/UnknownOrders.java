package ro.runner.orders.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ro.runner.orders.boundary.UnknownOrder;
import ro.runner.runs.api.Problem;

/** An order id that does not exist is a 404. */
@Provider
public class UnknownOrders implements ExceptionMapper<UnknownOrder> {

    @Override
    public Response toResponse(UnknownOrder unknown) {
        return Problem.response(Response.Status.NOT_FOUND, unknown.getMessage());
    }
}
