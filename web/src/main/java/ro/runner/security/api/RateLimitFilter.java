package ro.runner.security.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import ro.runner.runs.api.Problem;
import ro.runner.security.control.RateLimits;

/**
 * Answers 429 with Retry-After and a problem body when a client has used up a public endpoint's
 * limit. The client is told apart by {@link Clients}.
 */
@Provider
@RateLimited
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        var decision = limits.consume(limited.value(), Clients.of(http));
        if (!decision.allowed()) {
            Response problem = Problem.response(
                    Response.Status.TOO_MANY_REQUESTS,
                    "too many requests to " + limited.value() + "; retry after " + decision.retryAfterSeconds() + " s");
            request.abortWith(Response.fromResponse(problem)
                    .header("Retry-After", decision.retryAfterSeconds())
                    .build());
        }
    }
}
