package ro.runner.marketplace.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ro.runner.marketplace.entity.Progress;

/**
 * The browsers (and clients) listening to marketplace progress on this node, and what they were
 * last sent: progress goes out every second while syncs run, and once more (an empty list) when the
 * last one ends, so a page never shows a finished sync as running.
 */
@ApplicationScoped
public class ProgressSessions {

    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final Jsonb jsonb = JsonbBuilder.create();
    private volatile boolean lastWasEmpty = true;

    void add(Session session, List<Progress> now) {
        sessions.add(session);
        session.getAsyncRemote().sendText(jsonb.toJson(now));
    }

    void remove(Session session) {
        sessions.remove(session);
    }

    boolean listening() {
        return !sessions.isEmpty();
    }

    /** Sends the progress to every open session, unless nothing runs and that was already said. */
    void send(List<Progress> now) {
        if (now.isEmpty() && lastWasEmpty) {
            return;
        }
        lastWasEmpty = now.isEmpty();
        String json = jsonb.toJson(now);
        for (Session session : sessions) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(json);
            } else {
                sessions.remove(session);
            }
        }
    }
}
