package ro.runner.data.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import ro.runner.data.boundary.PrimaryPosition;
import ro.runner.data.control.ReaderPosition;
import ro.runner.data.entity.Lsn;

/**
 * Read-your-writes for API clients: a request with a writing method reads from the primary, and its
 * answer carries the primary's WAL position after the write (header and cookie) for the client's
 * next reads, which go to a replica only once it has replayed that position.
 */
@Provider
public class ApiWrites implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Set<String> READING = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    ReaderPosition reader;

    @EJB
    PrimaryPosition primary;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!READING.contains(request.getMethod())) {
            reader.writing();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (READING.contains(request.getMethod()) || response.getStatus() >= 400) {
            return;
        }
        Lsn written = primary.now();
        response.getHeaders().putSingle(ReadPositionFilter.HEADER, written.toString());
        response.getHeaders()
                .add(
                        "Set-Cookie",
                        new NewCookie.Builder(ReadPositionFilter.COOKIE)
                                .value(written.toString())
                                .path("/")
                                .httpOnly(true)
                                .build());
    }
}
