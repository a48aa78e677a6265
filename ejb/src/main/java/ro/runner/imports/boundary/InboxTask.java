package ro.runner.imports.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import ro.runner.runs.boundary.ScheduledTask;

/** The schedule {@code imports-inbox}: one scan of the inbox folder; parameters profile, minAgeSeconds. */
@ApplicationScoped
public class InboxTask implements ScheduledTask {

    @EJB
    ImportInbox inbox;

    @Override
    public String name() {
        return "imports-inbox";
    }

    @Override
    public String run(Map<String, String> parameters) throws Exception {
        return inbox.scan(
                parameters.getOrDefault("profile", "products"),
                Long.parseLong(parameters.getOrDefault("minAgeSeconds", "10")));
    }
}
