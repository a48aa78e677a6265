package ro.runner.runs.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import ro.runner.runs.boundary.RunQueries;
import ro.runner.runs.entity.Page;
import ro.runner.runs.entity.Run;
import ro.runner.runs.entity.RunFilter;
import ro.runner.runs.entity.RunKind;
import ro.runner.runs.entity.RunStatus;

/** The run ledger: filter by kind, status, name and tag, newest first, a page at a time. */
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @Inject
    RunQueries queries;

    @GET
    public Page<Run> list(
            @QueryParam("kind") String kind,
            @QueryParam("status") String status,
            @QueryParam("name") String name,
            @QueryParam("tag") String tag,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return queries.find(new RunFilter(
                Values.of(RunKind.class, "kind", kind),
                Values.of(RunStatus.class, "status", status),
                name,
                tag,
                page,
                size));
    }

    @GET
    @Path("{id}")
    public Run get(@PathParam("id") long id) {
        return queries.byId(id).orElseThrow(() -> new NotFoundException("no run " + id));
    }
}
