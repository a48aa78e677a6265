package ro.runner.notifications.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import ro.runner.notifications.boundary.NotificationQueries;
import ro.runner.notifications.boundary.Notifications;
import ro.runner.notifications.entity.Notification;
import ro.runner.notifications.entity.NotificationStatus;
import ro.runner.runs.entity.Page;

/** Notifications: list and filter, one, resend one, retry every DEAD one. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @EJB
    NotificationQueries queries;

    @EJB
    Notifications notifications;

    @GET
    public Page<Notification> list(
            @QueryParam("status") String status,
            @QueryParam("type") String type,
            @QueryParam("recipient") String recipient,
            @QueryParam("orderId") Long orderId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return queries.find(status(status), blank(type), blank(recipient), orderId, page, size);
    }

    @GET
    @Path("{id}")
    public Notification get(@PathParam("id") long id) {
        return queries.byId(id).orElseThrow(() -> new NotFoundException("no notification " + id));
    }

    @POST
    @Path("{id}/resend")
    public Response resend(@PathParam("id") long id) {
        if (!notifications.resend(id)) {
            throw new NotFoundException("no notification " + id);
        }
        return Response.accepted(Map.of("resent", id)).build();
    }

    @POST
    @Path("dead/retry")
    public Response retryDead() {
        return Response.accepted(Map.of("retried", notifications.retryDead())).build();
    }

    private static NotificationStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return NotificationStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "status is one of " + Arrays.toString(NotificationStatus.values()) + ", got '" + value + "'");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
