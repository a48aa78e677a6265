package ro.runner.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.runner.orders.OrdersIT.cart;
import static ro.runner.orders.OrdersIT.checkout;
import static ro.runner.orders.OrdersIT.client;
import static ro.runner.orders.OrdersIT.ordersOf;
import static ro.runner.orders.OrdersIT.unique;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;

/** A checkout flood from one client: 10 a minute go through, the rest get 429 and write nothing. */
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
}
