package ro.runner.marketplace.api;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import ro.runner.marketplace.boundary.MarketplaceStatus;

/** Every second, this node's running syncs to the WebSocket listeners (nothing when none listen). */
@Singleton
public class ProgressTicker {

    @Inject
    ProgressSessions sessions;

    @EJB
    MarketplaceStatus status;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "marketplace progress over WebSocket")
    void tick() {
        if (sessions.listening()) {
            sessions.send(status.progress());
        }
    }
}
