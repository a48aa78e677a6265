package ro.runner.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.runner.orders.OrdersIT.cart;
import static ro.runner.orders.OrdersIT.checkout;
import static ro.runner.orders.OrdersIT.client;
import static ro.runner.orders.OrdersIT.ordersOf;
import static ro.runner.orders.OrdersIT.unique;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.TestStack;

/**
 * A checkout flood from one client: 10 a minute go through, the rest get 429 and write nothing. A
 * promo-code guesser waits a growing delay after 5 wrong codes. Marketplace callbacks (other public
 * writes) are 30 a minute per client.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aCheckoutFloodIsAnswered429AfterTheLimit() throws Exception {
        String flooder = client();
        String email = unique();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            answers.add(checkout(cart(email, null), null, flooder));
        }

        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(10);
        var refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(refused).hasSize(5);
        var first = refused.get(0);
        assertThat(first.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Json.object(first.body()).getInt("status")).isEqualTo(429);
        assertThat(ordersOf(email)).isEqualTo(10);
        assertThat(checkout(cart(unique(), null), null, client()).statusCode())
                .as("another client is not limited")
                .isEqualTo(201);
    }

    @Test
    void marketplaceCallbacksFromOneClientAreLimitedToThirtyAMinute() throws Exception {
        // eMAG's callback is the public write besides checkout and promo codes: each one costs a
        // request to eMAG, so a flood would spend the account's budget. An unknown account answers
        // 404, which still counts.
        String caller = client();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        long started = System.nanoTime();
        for (int i = 0; i < 34; i++) {
            var answer = TestStack.send(HttpRequest.newBuilder(
                            TestStack.http("/api/marketplace/no-such-account/callback?order_id=" + (i + 1)))
                    .header("X-Forwarded-For", caller)
                    .POST(BodyPublishers.noBody())
                    .build());
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 429 && refused == null) {
                refused = answer;
            }
        }
        // the bucket gains a token every 2 s: a flood slowed down by the machine may earn one or two
        long refilled = Duration.ofNanos(System.nanoTime() - started).toSeconds() / 2;

        assertThat(statuses.subList(0, 30)).doesNotContain(429);
        assertThat(statuses.stream().filter(s -> s != 429).count())
                .as("answered without a 429 in %s (%d s of refill)", statuses, refilled * 2)
                .isBetween(30L, 30 + refilled);
        assertThat(refused).as("a 429 among %s", statuses).isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(Json.object(refused.body()).getString("detail")).contains("writes");
    }

    @Test
    void afterFiveWrongPromoCodesAClientWaitsALongerDelayEachTime() throws Exception {
        String guesser = client();
        for (int i = 0; i < 5; i++) {
            var wrong = validate("GUESS" + i, guesser);
            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(Json.object(wrong.body()).getBoolean("valid")).isFalse();
        }

        var held = validate("GUESS5", guesser);
        assertThat(held.statusCode()).as("the 6th code right after 5 failures").isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(held.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Json.object(held.body()).getString("detail")).contains("invalid promo codes");

        Thread.sleep(1_200);
        assertThat(validate("GUESS6", guesser).statusCode())
                .as("looked at after the delay")
                .isEqualTo(200);
        var longer = validate("GUESS7", guesser);
        assertThat(longer.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(longer.headers().firstValue("Retry-After").orElseThrow()))
                .as("the delay doubled")
                .isEqualTo(2);
        assertThat(validate("GUESS8", client()).statusCode())
                .as("another client is not held")
                .isEqualTo(200);

        Thread.sleep(2_200);
        var right = validate("WELCOME10", guesser);
        assertThat(Json.object(right.body()).getBoolean("valid")).isTrue();
        var wrongAgain = validate("GUESS9", guesser);
        assertThat(wrongAgain.statusCode())
                .as("a valid code starts the count again")
                .isEqualTo(200);
    }

    private static HttpResponse<String> validate(String code, String client) {
        return TestStack.send(HttpRequest.newBuilder(TestStack.http("/api/promo-codes/validate"))
                .header("X-Forwarded-For", client)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
                .build());
    }
}
