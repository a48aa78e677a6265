package ro.runner.imports.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ro.runner.imports.boundary.CatalogImports;
import ro.runner.imports.entity.ImportError;
import ro.runner.imports.entity.ImportProfile;
import ro.runner.imports.entity.ImportView;

/**
 * Catalogue imports: upload a supplier file (multipart form with a file part, a profile field and
 * option fields; or the raw CSV body with the same names as query parameters), follow its progress,
 * stop and restart it, download its rejected lines as CSV, read and edit mapping profiles.
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    /** Largest accepted upload; the server's -Drunner.imports.maxBytes overrides it. */
    private static final long MAX_BYTES = Long.getLong("runner.imports.maxBytes", 2L * 1024 * 1024 * 1024);

    @EJB
    CatalogImports imports;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@HeaderParam("Content-Type") String contentType, InputStream body)
            throws IOException, SQLException {
        var file = imports.uploads().resolve(UUID.randomUUID() + ".csv");
        var form = MultipartUpload.read(contentType, body, file, MAX_BYTES);
        var options = new HashMap<>(form.fields);
        String profile = options.remove("profile");
        return submit(profile, form.fileName, file, options);
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    public Response uploadBody(
            @QueryParam("profile") String profile, @QueryParam("fileName") String fileName, InputStream body)
            throws IOException, SQLException {
        var file = imports.uploads().resolve(UUID.randomUUID() + ".csv");
        long copied;
        try (var out = Files.newOutputStream(file)) {
            copied = body.transferTo(new LimitedOutput(out, MAX_BYTES));
        } catch (LimitedOutput.TooLarge e) {
            Files.deleteIfExists(file);
            throw new jakarta.ws.rs.WebApplicationException(
                    "the file is larger than the upload limit of " + MAX_BYTES + " bytes", 413);
        }
        var options = new HashMap<String, String>();
        uri.getQueryParameters().forEach((name, values) -> options.put(name, values.get(0)));
        options.remove("profile");
        options.remove("fileName");
        return submit(profile, fileName == null ? "upload-" + copied + ".csv" : fileName, file, options);
    }

    private Response submit(String profile, String fileName, java.nio.file.Path file, Map<String, String> options)
            throws IOException, SQLException {
        if (profile == null || profile.isBlank()) {
            Files.deleteIfExists(file);
            throw new IllegalArgumentException("a profile is required (e.g. products or vehicles)");
        }
        try {
            ImportView view = imports.submit(profile.strip(), fileName, file, options);
            return Response.created(uri.getBaseUriBuilder()
                            .path(ImportsResource.class)
                            .path("{id}")
                            .build(view.id()))
                    .entity(view)
                    .build();
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @GET
    public List<ImportView> recent(@QueryParam("limit") @DefaultValue("50") int limit) throws SQLException {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("1 <= limit <= 500");
        }
        return imports.recent(limit);
    }

    @GET
    @Path("{id}")
    public ImportView find(@PathParam("id") long id) throws SQLException {
        return imports.find(id);
    }

    @POST
    @Path("{id}/stop")
    public ImportView stop(@PathParam("id") long id) throws SQLException {
        return imports.stop(id);
    }

    @POST
    @Path("{id}/restart")
    public ImportView restart(@PathParam("id") long id) throws SQLException {
        return imports.restart(id);
    }

    /** Every rejected line as CSV (line,column,value,reason), streamed. */
    @GET
    @Path("{id}/errors")
    @Produces("text/csv")
    public Response errors(@PathParam("id") long id) throws SQLException {
        imports.find(id);
        StreamingOutput csv = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                imports.writeErrors(id, writer);
            } catch (SQLException e) {
                throw new IOException(e);
            }
            writer.flush();
        };
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
                .build();
    }

    /** The first rejected lines as JSON (at most 1000). */
    @GET
    @Path("{id}/rejections")
    public List<ImportError> rejections(@PathParam("id") long id) throws SQLException {
        return imports.errors(id, 1000);
    }

    @GET
    @Path("profiles")
    public List<ImportProfile> profiles() throws SQLException {
        return imports.profiles();
    }

    @PUT
    @Path("profiles/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportProfile saveProfile(@PathParam("name") String name, ImportProfile profile) throws SQLException {
        if (profile == null) {
            throw new IllegalArgumentException("a profile body is required");
        }
        return imports.save(
                new ImportProfile(name, profile.target(), profile.columns(), profile.separator(), profile.encoding()));
    }
}
