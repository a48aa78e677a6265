package ro.runner.notifications.control;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache templates under {@code notifications/} on the class path, one set per notification type:
 * {@code <type>.subject}, {@code <type>.txt}, {@code <type>.html} (HTML-escaped). Read as UTF-8 and
 * compiled once, so Romanian diacritics go through untouched.
 */
@ApplicationScoped
public class Templates {

    private final Map<String, Template> compiled = new ConcurrentHashMap<>();
    private final Mustache.Compiler text =
            Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true);
    private final Mustache.Compiler html =
            Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true);

    public String render(String type, String part, JsonObject model) {
        Template template = compiled.computeIfAbsent(type + "." + part, this::compile);
        return template.execute(plain(model));
    }

    private Template compile(String name) {
        String resource = "notifications/" + name + ".mustache";
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no template " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return (name.endsWith(".html") ? html : text).compile(reader);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                var map = new LinkedHashMap<String, Object>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> ((JsonArray) value).stream().map(Templates::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> List.of();
        };
    }
}
