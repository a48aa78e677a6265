package ro.runner.orders.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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
            messages.send(
                    tracking,
                    new Envelope(
                            STATUS_MESSAGE,
                            1,
                            "order-" + id + "-" + target,
                            Jsons.JSON
                                    .createObjectBuilder()
                                    .add("orderId", id)
                                    .add("number", order.getNumber())
                                    .add("status", target.name())
                                    .build()),
                    4);
        }
        return OrderView.of(order, true);
    }
}
