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
