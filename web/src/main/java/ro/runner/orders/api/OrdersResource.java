package ro.runner.orders.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import ro.runner.orders.boundary.OrderQueries;
import ro.runner.orders.boundary.Orders;
import ro.runner.orders.entity.OrderFilter;
import ro.runner.orders.entity.OrderSource;
import ro.runner.orders.entity.OrderStatus;
import ro.runner.orders.entity.OrderView;
import ro.runner.runs.entity.Page;

/** Orders for operators: list and filter (replica), one order, payment and status changes. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

    /** The body of a status change. */
    public record StatusChange(String status) {}

    @EJB
    OrderQueries queries;

    @EJB
    Orders orders;

    @GET
    public Page<OrderView> list(
            @QueryParam("status") String status,
            @QueryParam("source") String source,
            @QueryParam("email") String email,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return queries.find(new OrderFilter(
                Enums.of(OrderStatus.class, "status", status),
                Enums.of(OrderSource.class, "source", source),
                email == null || email.isBlank() ? null : email,
                instant("from", from),
                instant("to", to),
                page,
                size));
    }

    @GET
    @Path("{id}")
    public OrderView get(@PathParam("id") long id) {
        return queries.byId(id).orElseThrow(() -> new NotFoundException("no order " + id));
    }

    /** tracking=sync (admins only) is the benchmark's baseline: tracking done inside the request. */
    @POST
    @Path("{id}/payment")
    public OrderView pay(
            @PathParam("id") long id,
            @QueryParam("tracking") @DefaultValue("async") String tracking,
            @Context SecurityContext security) {
        if ("sync".equals(tracking)) {
            if (!security.isUserInRole("admin")) {
                throw new ForbiddenException("tracking=sync is a benchmark switch for admins");
            }
            return orders.payWithSynchronousTracking(id);
        }
        if (!"async".equals(tracking)) {
            throw new IllegalArgumentException("tracking is async or sync");
        }
        return orders.pay(id);
    }

    @POST
    @Path("{id}/status")
    public OrderView changeStatus(@PathParam("id") long id, StatusChange change) {
        if (change == null || change.status() == null) {
            throw new IllegalArgumentException("a JSON body {\"status\": ...} is required");
        }
        return orders.changeStatus(id, Enums.of(OrderStatus.class, "status", change.status()));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
