package ro.runner.marketplace.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import ro.runner.marketplace.boundary.MarketplaceStatus;

/**
 * Live marketplace progress: the JSON of {@code GET /api/marketplace/progress}, sent on connect and
 * then every second while syncs run (see {@link ProgressTicker}). Signed-in users only: web.xml
 * protects /ws/*, so the handshake needs the console's session or HTTP Basic credentials.
 */
@ServerEndpoint("/ws/marketplace/progress")
public class ProgressSocket {

    @Inject
    ProgressSessions sessions;

    @EJB
    MarketplaceStatus status;

    @OnOpen
    public void open(Session session) {
        sessions.add(session, status.progress());
    }

    @OnClose
    public void close(Session session) {
        sessions.remove(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        sessions.remove(session);
    }
}
