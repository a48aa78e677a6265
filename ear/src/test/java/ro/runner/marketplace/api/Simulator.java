package ro.runner.marketplace.api;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import ro.runner.it.Json;
import ro.runner.it.TestStack;

/** The eMAG simulator of the test stack, through its admin routes. */
final class Simulator {

    private Simulator() {}

    static String base() {
        return "http://127.0.0.1:" + TestStack.get("SIMULATOR_PORT") + "/simulator";
    }

    static String apiUrl() {
        return base() + "/api-3";
    }

    static JsonObject report() {
        return Json.object(send(request("/admin/report").GET()));
    }

    static void resetReport() {
        send(request("/admin/report").DELETE());
    }

    static JsonObject account(String name) {
        return Json.object(send(request("/admin/accounts/" + name).GET()));
    }

    static void addOrders(String account, int count) {
        send(request("/admin/accounts/" + account + "/orders?count=" + count).POST(BodyPublishers.noBody()));
    }

    static JsonObject addOrder(String account) {
        return Json.object(
                send(request("/admin/accounts/" + account + "/orders?count=1").POST(BodyPublishers.noBody())));
    }

    /** Adds offers until the account has at least {@code count}; answers how many it has. */
    static int ensureOffers(String account, int count) {
        int have = account(account).getInt("offers");
        if (have < count) {
            send(request("/admin/accounts/" + account + "/offers?count=" + (count - have))
                    .POST(BodyPublishers.noBody()));
        }
        return Math.max(have, count);
    }

    /** The account's offers as the simulator holds them: id, part_number, sale_price, general_stock, bounds. */
    static jakarta.json.JsonArray offers(String account) {
        return (jakarta.json.JsonArray)
                Json.any(send(request("/admin/accounts/" + account + "/offers").GET()));
    }

    /** The API requests the simulator answered since the last report reset, oldest first. */
    static jakarta.json.JsonArray requests(String account) {
        return (jakarta.json.JsonArray)
                Json.any(send(request("/admin/requests?account=" + account).GET()));
    }

    static void faults(String json) {
        send(request("/admin/faults").header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    static void clearFaults() {
        send(request("/admin/faults").DELETE());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json");
    }

    private static String send(HttpRequest.Builder request) {
        var response = TestStack.send(request.build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("simulator answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
