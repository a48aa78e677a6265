package ro.runner.orders.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import ro.runner.orders.entity.PromoCode;

/**
 * Tells a shopper whether a promo code applies before checkout. Reads the primary: the use count
 * must be current, and the answer decides what the shopper is shown.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PromoCodes {

    /** The answer of a validation: valid with the discount, or not with the reason. */
    public record Validation(String code, boolean valid, Integer percentOff, BigDecimal discount, String reason) {}

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    public Validation validate(String code, BigDecimal subtotal) {
        if (code == null || code.isBlank() || code.length() > 40) {
            throw new IllegalArgumentException("code is 1 to 40 characters");
        }
        if (subtotal != null && subtotal.signum() < 0) {
            throw new IllegalArgumentException("subtotal is not negative");
        }
        PromoCode promo = primary.find(PromoCode.class, normalize(code));
        if (promo == null) {
            return new Validation(code, false, null, null, "unknown promo code");
        }
        String refusal = promo.refusal(Instant.now());
        if (refusal != null) {
            return new Validation(promo.getCode(), false, null, null, refusal);
        }
        BigDecimal discount = subtotal == null
                ? null
                : subtotal.multiply(BigDecimal.valueOf(promo.getPercentOff()))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return new Validation(promo.getCode(), true, promo.getPercentOff(), discount, null);
    }

    static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
