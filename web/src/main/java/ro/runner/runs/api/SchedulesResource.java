package ro.runner.runs.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import ro.runner.runs.boundary.Schedules;
import ro.runner.runs.entity.ScheduleView;

/** Schedules: list, change the expression or the enabled flag, run one now. */
@Path("schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchedulesResource {

    /** A change: either field may be left out. */
    public record ScheduleChange(String expression, Boolean enabled) {}

    @Inject
    Schedules schedules;

    @GET
    public List<ScheduleView> list() {
        return schedules.list();
    }

    @GET
    @Path("{name}")
    public ScheduleView get(@PathParam("name") String name) {
        return schedules.get(name);
    }

    @PUT
    @Path("{name}")
    public ScheduleView edit(@PathParam("name") String name, ScheduleChange change) {
        if (change == null || (change.expression() == null && change.enabled() == null)) {
            throw new BadRequestException("send {\"expression\": \"...\"} and/or {\"enabled\": true|false}");
        }
        return schedules.edit(name, change.expression(), change.enabled());
    }

    @POST
    @Path("{name}/run")
    public Response runNow(@PathParam("name") String name) {
        return Response.accepted(Map.of("result", schedules.runNow(name))).build();
    }
}
