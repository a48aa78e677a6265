package ro.runner.marketplace.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ro.runner.marketplace.boundary.MarketplaceAccounts;
import ro.runner.marketplace.boundary.MarketplaceStatus;
import ro.runner.marketplace.boundary.MarketplaceSync;
import ro.runner.marketplace.boundary.OfferChanges;
import ro.runner.marketplace.boundary.OfferJobs;
import ro.runner.marketplace.entity.AccountStatus;
import ro.runner.marketplace.entity.AccountType;
import ro.runner.marketplace.entity.AccountView;
import ro.runner.marketplace.entity.OfferChangeRequest;
import ro.runner.marketplace.entity.OfferPushStatus;
import ro.runner.marketplace.entity.Progress;
import ro.runner.runs.api.Problem;
import ro.runner.security.api.RateLimited;
import ro.runner.security.entity.Role;

/**
 * eMAG accounts, status, progress, "sync now", and the callback eMAG calls on a new order. The
 * callback must be public, and a servlet URL pattern cannot name it ({account} sits mid-path), so
 * web.xml leaves /api/marketplace/* open and every other method here checks the caller itself.
 */
@Path("marketplace")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MarketplaceResource {

    /** A new account or a change; fields left out keep their value, the password is write-only. */
    public record AccountChange(AccountType type, String baseUrl, String username, String password, Boolean enabled) {}

    @EJB
    MarketplaceAccounts accounts;

    @EJB
    MarketplaceStatus status;

    @Inject
    MarketplaceSync sync;

    @EJB
    OfferChanges offerChanges;

    @Inject
    OfferJobs offerJobs;

    @Context
    SecurityContext security;

    @GET
    @Path("accounts")
    public List<AccountView> accounts() {
        require();
        return accounts.list();
    }

    @PUT
    @Path("accounts/{name}")
    public AccountView save(@PathParam("name") String name, AccountChange change) {
        require(Role.ADMIN, Role.OPERATOR);
        if (change == null) {
            throw new IllegalArgumentException("send {type, baseUrl, username, password, enabled}");
        }
        return accounts.save(
                name, change.type(), change.baseUrl(), change.username(), change.password(), change.enabled());
    }

    @GET
    @Path("status")
    public List<AccountStatus> status() {
        require();
        return status.accounts();
    }

    @GET
    @Path("progress")
    public List<Progress> progress() {
        require();
        return status.progress();
    }

    @POST
    @Path("{account}/sync")
    @Consumes(MediaType.WILDCARD)
    public Response syncNow(@PathParam("account") String account, @QueryParam("overlapMinutes") Integer overlap) {
        require(Role.ADMIN, Role.OPERATOR);
        return outcome(() -> sync.syncOrders(account, overlap == null ? 10 : overlap, "manual"));
    }

    @POST
    @Path("{account}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    public Response acknowledgeNow(@PathParam("account") String account) {
        require(Role.ADMIN, Role.OPERATOR);
        return outcome(() -> sync.acknowledge(account, "manual"));
    }

    /**
     * Queues price/stock changes for the next push: a JSON array of {offerId or sku, price, stock}.
     * All or nothing: one invalid item answers 400 with every problem and writes nothing.
     */
    @POST
    @Path("{account}/offers/changes")
    public Response requestChanges(@PathParam("account") String account, List<OfferChangeRequest> changes)
            throws Exception {
        require(Role.ADMIN, Role.OPERATOR);
        int queued = offerChanges.request(account, changes);
        return Response.status(Response.Status.ACCEPTED)
                .entity(Map.of("queued", queued))
                .build();
    }

    /** Starts the offer push job for the account now ("push now"); answers its execution. */
    @POST
    @Path("{account}/offers/push")
    @Consumes(MediaType.WILDCARD)
    public Response pushNow(@PathParam("account") String account) {
        require(Role.ADMIN, Role.OPERATOR);
        return Response.status(Response.Status.ACCEPTED)
                .entity(Map.of("executionId", offerJobs.pushOffers(account)))
                .build();
    }

    /** Starts the product sync job for the account now; answers its execution. */
    @POST
    @Path("{account}/offers/sync")
    @Consumes(MediaType.WILDCARD)
    public Response syncOffersNow(@PathParam("account") String account) {
        require(Role.ADMIN, Role.OPERATOR);
        return Response.status(Response.Status.ACCEPTED)
                .entity(Map.of("executionId", offerJobs.syncOffers(account)))
                .build();
    }

    @GET
    @Path("offers/push-status")
    public List<OfferPushStatus> pushStatus() throws Exception {
        require();
        return offerChanges.status();
    }

    @GET
    @Path("{account}/callback")
    @RateLimited("writes")
    public Response callbackGet(@PathParam("account") String account, @QueryParam("order_id") Long orderId) {
        return callback(account, orderId);
    }

    @POST
    @Path("{account}/callback")
    @Consumes(MediaType.WILDCARD)
    @RateLimited("writes")
    public Response callback(@PathParam("account") String account, @QueryParam("order_id") Long orderId) {
        if (orderId == null) {
            throw new IllegalArgumentException("order_id is required");
        }
        return outcome(() -> sync.callback(account, orderId));
    }

    private Response outcome(Work work) {
        try {
            return Response.ok(Map.of("result", work.run())).build();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            return Problem.response(Response.Status.BAD_GATEWAY, e.getMessage());
        }
    }

    private void require(String... roles) {
        if (security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("this resource needs HTTP Basic credentials", "Basic realm=\"runner\"");
        }
        if (roles.length > 0 && Arrays.stream(roles).noneMatch(security::isUserInRole)) {
            throw new ForbiddenException("operators and admins only");
        }
    }

    private interface Work {
        String run() throws Exception;
    }
}
