package ro.runner.orders.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import ro.runner.orders.boundary.Checkout;
import ro.runner.orders.entity.CheckoutRequest;
import ro.runner.security.api.RateLimited;

/**
 * The shop's checkout (public: no login). 201 with the new PENDING order; a retry with the same
 * Idempotency-Key answers 200 with the order the first request made. Rate limited per client.
 */
@Path("checkout")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckoutResource {

    @EJB
    Checkout checkout;

    @POST
    @RateLimited("checkout")
    public Response checkout(CheckoutRequest cart, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri) {
        var placed = checkout.place(cart, key);
        if (!placed.created()) {
            return Response.ok(placed.order())
                    .header("Idempotent-Replayed", "true")
                    .build();
        }
        return Response.created(uri.getBaseUriBuilder()
                        .path("orders/{id}")
                        .build(placed.order().id()))
                .entity(placed.order())
                .build();
    }
}
