package ro.runner.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;

/** Reads JSON answers in client-side tests. */
public final class Json {

    private Json() {}

    public static JsonObject object(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public static JsonStructure any(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
