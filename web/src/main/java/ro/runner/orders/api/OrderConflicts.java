package ro.runner.orders.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import ro.runner.orders.entity.OrderConflict;
import ro.runner.runs.api.Problem;

/** A change the order's state refuses is a 409 that says what is allowed. */
@Provider
public class OrderConflicts implements ExceptionMapper<OrderConflict> {

    @Override
    public Response toResponse(OrderConflict conflict) {
        return Problem.response(Response.Status.CONFLICT, conflict.getMessage());
    }
}
