package ro.runner.orders.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import ro.runner.orders.entity.CheckoutRequest;
import ro.runner.orders.entity.Order;
import ro.runner.orders.entity.OrderConflict;
import ro.runner.orders.entity.OrderView;
import ro.runner.orders.entity.PromoCode;

/**
 * Turns a cart into a PENDING order in one transaction: the order, its lines and the promo code's
 * use. A retried checkout with the same Idempotency-Key returns the order the first one made: the
 * key is locked for the transaction (an advisory lock), so two racing retries cannot both create.
 */
@Stateless
public class Checkout {

    /** The order and whether it was made now (false: an earlier request with the same key made it). */
    public record Placed(OrderView order, boolean created) {}

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    public Placed place(CheckoutRequest cart, String idempotencyKey) {
        if (cart == null) {
            throw new IllegalArgumentException("a JSON cart body is required");
        }
        cart.validate();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new IllegalArgumentException("Idempotency-Key is 1 to 100 characters");
        }
        if (idempotencyKey != null) {
            primary.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, "checkout:" + idempotencyKey)
                    .getSingleResult();
            var earlier = primary.createQuery("SELECT o FROM Order o WHERE o.idempotencyKey = :key", Order.class)
                    .setParameter("key", idempotencyKey)
                    .getResultList();
            if (!earlier.isEmpty()) {
                return new Placed(OrderView.of(earlier.get(0), true), false);
            }
        }
        Instant now = Instant.now();
        Order order = Order.checkout(cart, idempotencyKey, now);
        PromoCode promo = null;
        if (cart.promoCode() != null && !cart.promoCode().isBlank()) {
            promo = primary.find(
                    PromoCode.class, PromoCodes.normalize(cart.promoCode()), LockModeType.PESSIMISTIC_WRITE);
            if (promo == null) {
                throw new IllegalArgumentException("unknown promo code " + cart.promoCode());
            }
            String refusal = promo.refusal(now);
            if (refusal != null) {
                throw new OrderConflict(refusal);
            }
            order.applyPromo(promo.getCode(), promo.getPercentOff());
            promo.use();
        }
        primary.persist(order);
        primary.flush();
        if (promo != null) {
            primary.createNativeQuery("INSERT INTO promo_code_usages (order_id, code, discount) VALUES (?1, ?2, ?3)")
                    .setParameter(1, order.getId())
                    .setParameter(2, promo.getCode())
                    .setParameter(3, order.getDiscount())
                    .executeUpdate();
        }
        return new Placed(OrderView.of(order, true), true);
    }
}
