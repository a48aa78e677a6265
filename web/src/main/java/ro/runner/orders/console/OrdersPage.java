package ro.runner.orders.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ro.runner.notifications.boundary.NotificationQueries;
import ro.runner.notifications.entity.Notification;
import ro.runner.orders.boundary.OrderQueries;
import ro.runner.orders.boundary.Orders;
import ro.runner.orders.entity.OrderFilter;
import ro.runner.orders.entity.OrderStatus;
import ro.runner.orders.entity.OrderView;
import ro.runner.runs.console.Feedback;
import ro.runner.runs.console.OperatorAction;
import ro.runner.tracking.boundary.TrackingQueries;

/**
 * The Orders page: the newest orders, filtered by status and e-mail; one order's detail with its
 * lines, what tracking did and its notifications; and a status change along the allowed ones.
 */
@Named
@ViewScoped
public class OrdersPage implements Serializable {

    @EJB
    OrderQueries queries;

    @EJB
    Orders orders;

    @EJB
    TrackingQueries tracking;

    @EJB
    NotificationQueries notifications;

    private OrderStatus status;
    private String email;
    private List<OrderView> list;
    private OrderView selected;
    private OrderStatus target;

    public List<OrderView> getList() {
        if (list == null) {
            try {
                list = queries.find(new OrderFilter(status, null, blank(email), null, null, 0, 200))
                        .items();
            } catch (RuntimeException e) {
                Feedback.error(e);
                list = List.of();
            }
        }
        return list;
    }

    public void search() {
        list = null;
    }

    public void select(long id) {
        selected = queries.byId(id).orElse(null);
        target = null;
    }

    @OperatorAction
    public void changeStatus() {
        try {
            selected = orders.changeStatus(selected.id(), target);
            Feedback.info("order " + selected.number() + " is " + selected.status());
            list = null;
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
    }

    public List<TrackingQueries.Tracked> getTracking() {
        return selected == null ? List.of() : tracking.of(selected.id());
    }

    public List<Notification> getNotifications() {
        return selected == null
                ? List.of()
                : notifications.find(null, null, null, selected.id(), 0, 50).items();
    }

    public List<OrderStatus> getNextStatuses() {
        return selected == null ? List.of() : List.copyOf(selected.status().next());
    }

    public OrderStatus[] getStatuses() {
        return OrderStatus.values();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public OrderView getSelected() {
        return selected;
    }

    public OrderStatus getTarget() {
        return target;
    }

    public void setTarget(OrderStatus target) {
        this.target = target;
    }
}
