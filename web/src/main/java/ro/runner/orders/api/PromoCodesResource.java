package ro.runner.orders.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import ro.runner.orders.boundary.PromoCodes;
import ro.runner.security.api.RateLimited;

/** Promo-code validation for the shop (public: no login). */
@Path("promo-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PromoCodesResource {

    /** The code to check and, optionally, the cart subtotal to price the discount on. */
    public record Check(String code, BigDecimal subtotal) {}

    @EJB
    PromoCodes promoCodes;

    @POST
    @Path("validate")
    @RateLimited("promo-validation")
    public PromoCodes.Validation validate(Check check) {
        if (check == null) {
            throw new IllegalArgumentException("a JSON body {code, subtotal} is required");
        }
        return promoCodes.validate(check.code(), check.subtotal());
    }
}
