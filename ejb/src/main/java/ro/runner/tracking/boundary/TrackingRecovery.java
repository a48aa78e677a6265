package ro.runner.tracking.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import ro.runner.orders.boundary.Orders;
import ro.runner.runs.boundary.ScheduledTask;

/**
 * The tracking-recovery schedule: an order that reached a tracked status long ago and has no
 * tracking row for it lost its message, and gets a new one ({@link Orders#resendUntracked}).
 */
@ApplicationScoped
public class TrackingRecovery implements ScheduledTask {

    @EJB
    Orders orders;

    @Override
    public String name() {
        return "tracking-recovery";
    }

    @Override
    public String run(Map<String, String> parameters) {
        int minutes = Integer.parseInt(parameters.getOrDefault("olderThanMinutes", "10"));
        int hours = Integer.parseInt(parameters.getOrDefault("withinHours", "24"));
        return "re-sent " + orders.resendUntracked(minutes, hours) + " order-status messages untracked for over "
                + minutes + " min (orders of the last " + hours + " h)";
    }
}
