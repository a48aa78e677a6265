package ro.runner.orders.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import ro.runner.orders.entity.Order;
import ro.runner.orders.entity.OrderStatus;
import ro.runner.orders.entity.OrderView;
import ro.runner.runs.control.Messages;
import ro.runner.runs.entity.Envelope;
import ro.runner.runs.entity.Jsons;
import ro.runner.tracking.boundary.Tracking;
import ro.runner.tracking.entity.StatusChange;

/**
 * Status changes of orders. When an order becomes PAID, CONFIRMED or COMPLETED, an order-status
 * message goes to the tracking queue in the same JTA transaction (XA: PostgreSQL and OpenMQ), so
 * the tracking work exists if and only if the change committed, and the payment answers without
 * waiting for it. The message id is the business key "order-{id}-{status}".
 */
@Stateless
public class Orders {

    public static final String STATUS_MESSAGE = "order-status";

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @Inject
    Messages messages;

    @Resource(lookup = "java:app/jms/OrderTrackingQueue")
    Queue tracking;

    @Inject
    Tracking synchronousTracking;

    /** Records the payment of a PENDING order. */
    public OrderView pay(long id) {
        return changeStatus(id, OrderStatus.PAID);
    }

    /**
     * The payment with its tracking done inside the request, as the systems Runner replaces did it:
     * only for the benchmark that compares it with {@link #pay(long)}.
     */
    public OrderView payWithSynchronousTracking(long id) {
        Order order = primary.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new UnknownOrder(id);
        }
        if (order.moveTo(OrderStatus.PAID, Instant.now())) {
            primary.flush();
            synchronousTracking.track(new StatusChange(id, OrderStatus.PAID.name()));
        }
        return OrderView.of(order, true);
    }

    /** Moves the order to the status, if its life allows it; the same status twice changes nothing. */
    public OrderView changeStatus(long id, OrderStatus target) {
        if (target == null) {
            throw new IllegalArgumentException("status is one of " + java.util.Arrays.toString(OrderStatus.values()));
        }
        Order order = primary.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new UnknownOrder(id);
        }
        if (order.moveTo(target, Instant.now()) && target.tracked()) {
            sendStatus(id, order.getNumber(), target.name());
        }
        return OrderView.of(order, true);
    }

    /**
     * Sends the order-status message again for every tracked status an order reached more than the
     * given minutes ago (its last change) and within the given hours (its creation) that has no
     * tracking row: its message was lost (dead-lettered after its redeliveries ran out, as an
     * undeploy with deliveries in flight can do, or a broker store wiped). PAID counts as reached
     * when the order has a payment time, CONFIRMED when it is CONFIRMED or COMPLETED. Sending again a
     * message that is only late is harmless: the consumer tracks each (order, status) once. At most
     * 1,000 a run; returns how many were sent.
     */
    public int resendUntracked(int olderThanMinutes, int withinHours) {
        @SuppressWarnings("unchecked")
        List<Object[]> untracked = primary.createNativeQuery("SELECT o.id, o.number, s.status FROM orders o"
                        + " CROSS JOIN (VALUES ('PAID'), ('CONFIRMED'), ('COMPLETED')) AS s (status)"
                        + " WHERE o.status IN ('PAID', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'REFUNDED')"
                        + " AND o.created_at > now() - make_interval(hours => ?1)"
                        + " AND o.updated_at < now() - make_interval(mins => ?2)"
                        + " AND CASE s.status WHEN 'PAID' THEN o.paid_at IS NOT NULL"
                        + " WHEN 'CONFIRMED' THEN o.status IN ('CONFIRMED', 'COMPLETED')"
                        + " ELSE o.status = 'COMPLETED' END"
                        + " AND NOT EXISTS (SELECT 1 FROM order_tracking t WHERE t.order_id = o.id AND t.status = s.status)"
                        + " ORDER BY o.id LIMIT 1000")
                .setParameter(1, withinHours)
                .setParameter(2, olderThanMinutes)
                .getResultList();
        for (Object[] row : untracked) {
            sendStatus(((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
        }
        return untracked.size();
    }

    private void sendStatus(long id, String number, String status) {
        messages.send(
                tracking,
                new Envelope(
                        STATUS_MESSAGE,
                        1,
                        "order-" + id + "-" + status,
                        Jsons.JSON
                                .createObjectBuilder()
                                .add("orderId", id)
                                .add("number", number)
                                .add("status", status)
                                .build()),
                4);
    }
}
