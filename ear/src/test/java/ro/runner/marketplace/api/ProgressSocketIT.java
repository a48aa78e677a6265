package ro.runner.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.TestStack;

/**
 * Live progress over WebSocket: while a product sync runs, a signed-in listener gets the progress
 * JSON about every second with pages advancing, then an empty list when it ends; an anonymous
 * handshake is refused.
 */
@ExtendWith(ArquillianExtension.class)
class ProgressSocketIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aRunningSyncIsPushedEverySecondUntilItEnds() throws Exception {
        MarketplaceApi.disableSchedules("marketplace-product-sync", "marketplace-offer-push");
        MarketplaceApi.account("main", "MAIN", "runner-main", "main-secret");
        Simulator.ensureOffers("main", 2000);
        List<String> messages = new CopyOnWriteArrayList<>();
        WebSocket socket = connect("admin", TestStack.adminPassword(), messages);

        long execution = MarketplaceApi.startOfferJob("main", "sync");
        JsonObject done = MarketplaceApi.awaitEnd(execution, 300_000);
        Thread.sleep(2500);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

        assertThat(done.getString("batchStatus")).isEqualTo("COMPLETED");
        List<Long> pages = new ArrayList<>();
        for (String message : messages) {
            for (JsonObject p : ((JsonArray) Json.any(message)).getValuesAs(JsonObject.class)) {
                if (p.getString("account").equals("main") && p.getString("what").equals("offers")) {
                    pages.add(p.getJsonNumber("pagesDone").longValue());
                }
            }
        }
        assertThat(pages)
                .as("progress messages during a sync of ~7 s: " + messages)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(pages).isSorted();
        assertThat(pages.get(pages.size() - 1)).isGreaterThan(pages.get(0));
        assertThat(messages.get(messages.size() - 1)).as("the end is announced").isEqualTo("[]");
    }

    @Test
    void anAnonymousHandshakeIsRefused() {
        assertThatThrownBy(() -> connect(null, null, new ArrayList<>())).satisfies(e -> assertThat(
                        org.assertj.core.util.Throwables.getRootCause(e).getMessage())
                .as("the handshake is answered by the sign-in guard, not upgraded")
                .containsAnyOf("status code 302", "status code 401", "status code 403"));
    }

    private static WebSocket connect(String user, String password, List<String> messages) throws Exception {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (user != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        URI uri = URI.create("ws://127.0.0.1:" + TestStack.get("PAYARA_HTTP_PORT") + "/ws/marketplace/progress");
        return builder.buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            messages.add(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(15, TimeUnit.SECONDS);
    }
}
