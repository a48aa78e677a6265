package ro.runner.simulator;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

/**
 * The simulator's own controls, for tests, benchmarks and people: fault injection, the report,
 * new orders on demand, the generator's rate, the callback URL, and eMAG-side status changes.
 * Loopback test double: no authentication.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    Marketplace marketplace;

    @Inject
    Faults faults;

    @Inject
    Report report;

    @GET
    @Path("health")
    public JsonObject health() {
        return Json.createObjectBuilder().add("status", "UP").build();
    }

    @GET
    @Path("faults")
    public JsonObject faults() {
        return faults.config();
    }

    @PUT
    @Path("faults")
    public JsonObject faults(JsonObject changes) {
        try {
            return faults.update(changes);
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(e.getMessage(), 400);
        }
    }

    @DELETE
    @Path("faults")
    public JsonObject clearFaults() {
        faults.reset();
        return faults.config();
    }

    @GET
    @Path("report")
    public JsonObject report() {
        return report.toJson();
    }

    @DELETE
    @Path("report")
    public JsonObject resetReport() {
        report.reset();
        return report.toJson();
    }

    /** An account's orders by status and how many were acknowledged, to compare with a client's copy. */
    @GET
    @Path("accounts/{account}")
    public JsonObject account(@PathParam("account") String account) {
        Marketplace.Shop shop =
                marketplace.shop(account).orElseThrow(() -> new WebApplicationException("no account " + account, 404));
        var byStatus = Json.createObjectBuilder();
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.add(
                    String.valueOf(status.code),
                    shop.orders().values().stream()
                            .filter(o -> o.status() == status)
                            .count());
        }
        return Json.createObjectBuilder()
                .add("name", account)
                .add("type", shop.account().type().name())
                .add("orders", shop.orders().size())
                .add(
                        "acknowledged",
                        shop.orders().values().stream()
                                .filter(SimOrder::acknowledged)
                                .count())
                .add("byStatus", byStatus)
                .add("offers", shop.offers().size())
                .build();
    }

    /** Adds {@code count} new orders to an account now; answers their ids. */
    @POST
    @Path("accounts/{account}/orders")
    public JsonObject addOrders(@PathParam("account") String account, @QueryParam("count") int count) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        try {
            marketplace.addOrders(account, Math.max(1, count)).forEach(o -> ids.add(o.id()));
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(e.getMessage(), 404);
        }
        return Json.createObjectBuilder().add("ids", ids).build();
    }

    /** Adds {@code count} offers (new ids, prices 20–2000 RON, min half and max double the price). */
    @POST
    @Path("accounts/{account}/offers")
    public JsonObject addOffers(@PathParam("account") String account, @QueryParam("count") int count) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        try {
            marketplace.addOffers(account, Math.max(1, count)).forEach(ids::add);
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(e.getMessage(), 404);
        }
        return Json.createObjectBuilder().add("ids", ids).build();
    }

    /** An account's offers as eMAG holds them now: id, part number, price bounds and stock. */
    @GET
    @Path("accounts/{account}/offers")
    public JsonArray offers(@PathParam("account") String account) {
        Marketplace.Shop shop =
                marketplace.shop(account).orElseThrow(() -> new WebApplicationException("no account " + account, 404));
        JsonArrayBuilder offers = Json.createArrayBuilder();
        for (JsonObject o : shop.offers().values()) {
            offers.add(Json.createObjectBuilder()
                    .add("id", o.get("id"))
                    .add("part_number", o.get("part_number"))
                    .add("sale_price", o.get("sale_price"))
                    .add("min_sale_price", o.get("min_sale_price"))
                    .add("max_sale_price", o.get("max_sale_price"))
                    .add("general_stock", o.get("general_stock")));
        }
        return offers.build();
    }

    /** The API requests answered since the last report reset (account, route, page, save size). */
    @GET
    @Path("requests")
    public JsonArray requests(@QueryParam("account") String account) {
        return report.requests(account);
    }

    /** eMAG-side change of an order (cancellation, return), outside the seller's rules. */
    @PUT
    @Path("accounts/{account}/orders/{id}/status/{status}")
    public JsonObject setStatus(
            @PathParam("account") String account, @PathParam("id") long id, @PathParam("status") int status) {
        SimOrder order = marketplace
                .shop(account)
                .map(s -> s.orders().get(id))
                .orElseThrow(() -> new WebApplicationException("no order " + id, 404));
        order.force(OrderStatus.of(status), Marketplace.now());
        return order.toJson();
    }

    @GET
    @Path("settings")
    public JsonObject settings() {
        return Json.createObjectBuilder()
                .add("ordersPerMinute", marketplace.ordersPerMinute())
                .add("callbackUrl", marketplace.callbackUrl())
                .add("orderLimit", marketplace.settings().orderLimit())
                .add("otherLimit", marketplace.settings().otherLimit())
                .build();
    }

    /** Changes {@code ordersPerMinute} (per account) and {@code callbackUrl} ({@code {account}} placeholder). */
    @PUT
    @Path("settings")
    public JsonObject settings(JsonObject changes) {
        if (changes.containsKey("ordersPerMinute")) {
            marketplace.ordersPerMinute(changes.getJsonNumber("ordersPerMinute").doubleValue());
        }
        if (changes.containsKey("callbackUrl")) {
            marketplace.callbackUrl(changes.getString("callbackUrl"));
        }
        return settings();
    }
}
