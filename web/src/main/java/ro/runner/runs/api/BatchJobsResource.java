package ro.runner.runs.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import ro.runner.runs.boundary.BatchJobs;
import ro.runner.runs.entity.JobExecutionView;
import ro.runner.runs.entity.Page;

/**
 * Batch jobs through the standard JobOperator: submit a job by name with parameters, list and read
 * executions, stop, restart, abandon. {@code asadmin list-batch-job-executions} sees the same ones.
 */
@Path("batch/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BatchJobsResource {

    @EJB
    BatchJobs jobs;

    @Context
    UriInfo uri;

    @GET
    public List<String> jobNames() {
        return jobs.jobNames();
    }

    @POST
    @Path("{job}")
    public Response start(@PathParam("job") String job, Map<String, String> parameters) {
        long execution = jobs.start(job, parameters == null ? Map.of() : parameters);
        return created(execution);
    }

    @GET
    @Path("executions")
    public Page<JobExecutionView> executions(
            @QueryParam("job") String job,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= 200");
        }
        return jobs.executions(job, page, size);
    }

    @GET
    @Path("executions/{id}")
    public JobExecutionView execution(@PathParam("id") long id) {
        return jobs.execution(id);
    }

    @POST
    @Path("executions/{id}/restart")
    public Response restart(@PathParam("id") long id, Map<String, String> parameters) {
        return created(jobs.restart(id, parameters == null ? Map.of() : parameters));
    }

    @POST
    @Path("executions/{id}/stop")
    public JobExecutionView stop(@PathParam("id") long id) {
        jobs.stop(id);
        return jobs.execution(id);
    }

    @POST
    @Path("executions/{id}/abandon")
    public JobExecutionView abandon(@PathParam("id") long id) {
        jobs.abandon(id);
        return jobs.execution(id);
    }

    private Response created(long execution) {
        return Response.created(uri.getBaseUriBuilder()
                        .path(BatchJobsResource.class)
                        .path("executions/{id}")
                        .build(execution))
                .entity(jobs.execution(execution))
                .build();
    }
}
