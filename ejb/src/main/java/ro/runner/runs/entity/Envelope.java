package ro.runner.runs.entity;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.UUID;

/**
 * The body of every JMS message: a JSON text with a type, a schema version, a business id that
 * makes handling idempotent, and the payload. Never an ObjectMessage: any node, any version, any
 * language can read it.
 */
public record Envelope(String type, int version, String id, JsonObject payload) {

    /** Looked up once: Json.createReader and friends scan the class path for the provider per call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public Envelope {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a message needs a type");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a message schema version starts at 1, got " + version);
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a message needs an id");
        }
        if (payload == null) {
            payload = JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    public static Envelope of(String type, JsonObject payload) {
        return new Envelope(type, 1, UUID.randomUUID().toString(), payload);
    }

    public String toJson() {
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("version", version)
                .add("id", id)
                .add("payload", payload)
                .build()
                .toString();
    }

    /** Reads a message body; a clear IllegalArgumentException when it is not an envelope. */
    public static Envelope parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("a message body is required");
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject body = reader.readObject();
            return new Envelope(
                    body.getString("type", null),
                    body.getInt("version", 0),
                    body.getString("id", null),
                    body.containsKey("payload") ? body.getJsonObject("payload") : null);
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "a message body is a JSON envelope {type, version, id, payload}: " + e.getMessage(), e);
        }
    }
}
