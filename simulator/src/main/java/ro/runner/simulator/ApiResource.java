package ro.runner.simulator;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The eMAG api-3 routes. Every request is authenticated by Basic auth to one account, counted by
 * that account's rate limiter (over the limit: 429), possibly faulted, then answered in the
 * envelope with the X-RateLimit-*-3second headers.
 */
@Path("api-3")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class ApiResource {

    @Inject
    Marketplace marketplace;

    @Inject
    OrderRoutes orders;

    @Inject
    OfferRoutes offers;

    @Inject
    Faults faults;

    @Inject
    Report report;

    @POST
    @Path("order/acknowledge/{id}")
    public Response acknowledge(@HeaderParam("Authorization") String auth, @PathParam("id") long id) {
        return serve(auth, RouteClass.ORDER, shop -> orders.acknowledge(shop, id));
    }

    @POST
    @Path("{resource}/{action}")
    public Response call(
            @HeaderParam("Authorization") String auth,
            @PathParam("resource") String resource,
            @PathParam("action") String action,
            String body) {
        return serve(auth, RouteClass.of(resource), shop -> route(shop, resource + "/" + action, body));
    }

    private JsonObject route(Marketplace.Shop shop, String route, String text) {
        RequestBody body = RequestBody.parse(text);
        Long page = RequestBody.longValue(body.filters(), "currentPage");
        report.log(
                shop.account().name(),
                route,
                page == null ? 0 : page.intValue(),
                route.endsWith("/save") ? body.items().size() : 0);
        return switch (route) {
            case "order/read" -> orders.read(shop, body);
            case "order/count" -> orders.count(shop, body);
            case "order/save" -> body.items().size() > OfferRoutes.MAX_SAVE
                    ? Envelope.error("Maximum " + OfferRoutes.MAX_SAVE + " entities per request.")
                    : orders.save(shop, body);
            case "product_offer/read" -> offers.read(shop, body);
            case "product_offer/count" -> offers.count(shop, body);
            case "product_offer/save" -> offers.save(shop, body, false);
            case "offer/save" -> offers.save(shop, body, true);
            case "vat/read" -> offers.vat();
            case "category/read" -> offers.categories(body);
            default -> Envelope.error("Unknown resource " + route + ".");
        };
    }

    private Response serve(String auth, RouteClass routeClass, Function<Marketplace.Shop, JsonObject> action) {
        String[] credentials = credentials(auth);
        Optional<Marketplace.Shop> shop = marketplace.shopOfUser(credentials[0]);
        if (shop.isEmpty() || !shop.get().account().password().equals(credentials[1])) {
            shop.ifPresent(s -> report.count(s.account().name(), "unauthorized"));
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Envelope.error("You are not allowed to use this API."))
                    .build();
        }
        String account = shop.get().account().name();
        int limit = routeClass == RouteClass.ORDER
                ? marketplace.settings().orderLimit()
                : marketplace.settings().otherLimit();
        RateLimiter.Decision decision =
                report.limiter().acquire(account, routeClass, limit, System.currentTimeMillis());
        if (!decision.allowed()) {
            return tooMany(decision);
        }
        Faults.Kind fault = faults.pick(account);
        if (fault != Faults.Kind.NONE) {
            report.count(account, "fault." + fault.name().toLowerCase());
        }
        switch (fault) {
            case BUSINESS_ERROR -> {
                return headers(Response.ok(Envelope.error("Simulated error, please retry.")), decision)
                        .build();
            }
            case SERVER_ERROR -> {
                int[] codes = {500, 502, 504};
                return headers(Response.status(codes[ThreadLocalRandom.current().nextInt(3)]), decision)
                        .entity("{\"message\":\"Simulated server error\"}")
                        .build();
            }
            case SLOW -> sleep(faults.millis("slowMillis"));
            case TIMEOUT -> {
                sleep(faults.millis("timeoutMillis"));
                return headers(Response.status(504), decision)
                        .entity("{\"message\":\"Gateway Time-out\"}")
                        .build();
            }
            case MALFORMED -> {
                return headers(Response.ok(), decision)
                        .entity("{\"isError\":false,\"results\":[{\"id\":")
                        .build();
            }
            case TOO_MANY -> {
                return tooMany(decision);
            }
            default -> {}
        }
        JsonObject answer;
        try {
            answer = action.apply(shop.get());
        } catch (IllegalArgumentException | JsonException | java.time.DateTimeException e) {
            report.count(account, "invalidRequests");
            answer = Envelope.error("Invalid request: " + e.getMessage());
        }
        return headers(Response.ok(answer), decision).build();
    }

    private Response tooMany(RateLimiter.Decision decision) {
        return headers(Response.status(429), decision)
                .header("Retry-After", "1")
                .entity(Json.createObjectBuilder()
                        .add("message", "API rate limit exceeded")
                        .build())
                .build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder b, RateLimiter.Decision d) {
        return b.header("X-RateLimit-Limit-3second", d.limit3Seconds())
                .header("X-RateLimit-Remaining-3second", d.remaining3Seconds());
    }

    private static String[] credentials(String auth) {
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new String[] {"", ""};
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? new String[] {decoded, ""}
                    : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return new String[] {"", ""};
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
