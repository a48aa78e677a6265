package ro.runner.marketplace.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.eclipse.microprofile.faulttolerance.Timeout;
import ro.runner.marketplace.entity.Connection;
import ro.runner.marketplace.entity.EmagAnswer;

/**
 * One HTTP call to eMAG, nothing more: strict in what it sends (Basic auth, a JSON body, POST),
 * lenient in what it reads ({@link EmagAnswer}). Sorts failures into {@link EmagUnavailable}
 * (worth repeating) and {@link EmagRefused} (not). Retries and limits are the gateway's job.
 */
@ApplicationScoped
public class EmagClient {

    static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public EmagAnswer call(Connection connection, String route, String json) {
        String basic = Base64.getEncoder()
                .encodeToString((connection.username() + ":" + connection.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + "/" + route))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EmagUnavailable(route + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), 0, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmagUnavailable(route + ": interrupted", 0, false, e);
        }
        int status = response.statusCode();
        if (status == 429) {
            long after = response.headers()
                    .firstValue("Retry-After")
                    .map(EmagClient::seconds)
                    .orElse(0L);
            throw new EmagUnavailable(route + ": 429 rate limit exceeded", after * 1000, true, null);
        }
        if (status == 401 || status == 403) {
            throw new EmagRefused(connection.account() + " " + route + ": HTTP " + status + " "
                    + describe(response.body()) + " (check the account's user and password)");
        }
        if (status >= 500 || status == 408) {
            throw new EmagUnavailable(route + ": HTTP " + status, 0, false, null);
        }
        if (status >= 300) {
            throw new EmagRefused(
                    connection.account() + " " + route + ": HTTP " + status + " " + describe(response.body()));
        }
        try {
            return EmagAnswer.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new EmagUnavailable(route + ": " + e.getMessage(), 0, false, e);
        }
    }

    private static String describe(String body) {
        try {
            return EmagAnswer.parse(body).describe();
        } catch (IllegalArgumentException e) {
            return body == null ? "" : body.substring(0, Math.min(120, body.length()));
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
