package ro.runner.data.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ro.runner.data.boundary.Replication;
import ro.runner.data.entity.ReplicationStatus;

/**
 * Replication: the primary's position, each replica's positions and lag, the routing counts; and
 * the switch that sends every read of this node to the primary (for an incident, or a benchmark).
 */
@Path("replication")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReplicationResource {

    /** The routing switch: true lets reads go to the replicas. */
    public record Routing(Boolean enabled) {}

    @EJB
    Replication replication;

    @GET
    public ReplicationStatus status() {
        return replication.status();
    }

    @PUT
    @Path("routing")
    public ReplicationStatus route(Routing routing) {
        if (routing == null || routing.enabled() == null) {
            throw new BadRequestException("send {\"enabled\": true|false}");
        }
        return replication.route(routing.enabled());
    }
}
