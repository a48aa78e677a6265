package ro.runner.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/** eMAG's answer envelope: {@code isError}, {@code messages}, {@code errors}, {@code results}. */
final class Envelope {

    private Envelope() {}

    static JsonObject ok(JsonValue results) {
        return Json.createObjectBuilder()
                .add("isError", false)
                .add("messages", Json.createArrayBuilder())
                .add("errors", Json.createArrayBuilder())
                .add("results", results)
                .build();
    }

    static JsonObject error(List<String> messages) {
        JsonArrayBuilder m = Json.createArrayBuilder();
        messages.forEach(m::add);
        return Json.createObjectBuilder()
                .add("isError", true)
                .add("messages", m)
                .add("errors", Json.createArrayBuilder())
                .add("results", Json.createArrayBuilder())
                .build();
    }

    static JsonObject error(String message) {
        return error(List.of(message));
    }
}
