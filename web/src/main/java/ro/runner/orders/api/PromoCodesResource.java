package ro.runner.orders.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import ro.runner.orders.boundary.PromoCodes;
import ro.runner.orders.control.PromoGuard;
import ro.runner.runs.api.Problem;
import ro.runner.security.api.Clients;
import ro.runner.security.api.RateLimited;

/**
 * Promo-code validation for the shop (public: no login). Besides the per-client rate limit, a
 * client that guessed wrong 5 times waits a growing delay before its next code is looked at (429
 * with Retry-After meanwhile; {@link PromoGuard}).
 */
@Path("promo-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PromoCodesResource {

    /** The code to check and, optionally, the cart subtotal to price the discount on. */
    public record Check(String code, BigDecimal subtotal) {}

    @EJB
    PromoCodes promoCodes;

    @Inject
    PromoGuard guard;

    @Context
    HttpServletRequest http;

    @POST
    @Path("validate")
    @RateLimited("promo-validation")
    public Response validate(Check check) {
        if (check == null) {
            throw new IllegalArgumentException("a JSON body {code, subtotal} is required");
        }
        String client = Clients.of(http);
        long wait = guard.waitSeconds(client);
        if (wait > 0) {
            return Response.fromResponse(Problem.response(
                            Response.Status.TOO_MANY_REQUESTS,
                            "too many invalid promo codes from this client; retry after " + wait + " s"))
                    .header("Retry-After", wait)
                    .build();
        }
        PromoCodes.Validation validation = promoCodes.validate(check.code(), check.subtotal());
        if (validation.valid()) {
            guard.succeeded(client);
        } else {
            guard.failed(client);
        }
        return Response.ok(validation).build();
    }
}
