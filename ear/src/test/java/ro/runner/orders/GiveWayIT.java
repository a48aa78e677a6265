package ro.runner.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.runner.orders.OrdersIT.cart;
import static ro.runner.orders.OrdersIT.checkout;
import static ro.runner.orders.OrdersIT.client;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.ConsumersQuiet;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.TestStack;

/**
 * While payments crowd the server, the consumers hold their messages back a moment (the requests
 * are counted by the web module's filter, the waits by the metrics), and every order is still
 * tracked once and mailed.
 */
@ExtendWith({ArquillianExtension.class, ConsumersQuiet.class})
class GiveWayIT {

    private static final int ORDERS = 200;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void consumersWaitWhilePaymentsCrowdTheServerAndStillDoAllTheWork() throws Exception {
        double before = metric("runner_give_way_total");
        String run = UUID.randomUUID().toString().substring(0, 8);
        var shop = Executors.newFixedThreadPool(16);
        List<Future<Long>> placed = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String email = "giveway-" + run + "-" + i + "@example.ro";
            placed.add(shop.submit(() -> {
                var response = checkout(cart(email, null), null, client());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                return Json.object(response.body()).getJsonNumber("id").longValue();
            }));
        }
        List<Long> orders = new ArrayList<>();
        for (Future<Long> order : placed) {
            orders.add(order.get(5, TimeUnit.MINUTES));
        }
        List<Future<Integer>> payments = new ArrayList<>();
        for (long id : orders) {
            payments.add(shop.submit(() -> TestStack.send(TestStack.request("/api/orders/" + id + "/payment")
                            .POST(BodyPublishers.noBody())
                            .build())
                    .statusCode()));
        }
        for (Future<Integer> payment : payments) {
            assertThat(payment.get(5, TimeUnit.MINUTES)).isEqualTo(200);
        }
        shop.shutdown();

        String ids = orders.stream().map(String::valueOf).collect(Collectors.joining(","));
        TestStack.awaitCount(
                "SELECT count(*) FROM order_tracking WHERE status = 'PAID' AND order_id IN (" + ids + ")",
                ORDERS,
                Duration.ofMinutes(3));
        TestStack.awaitCount(
                "SELECT count(*) FROM notifications WHERE type = 'order-confirmation' AND status = 'SENT'"
                        + " AND order_id IN (" + ids + ")",
                ORDERS,
                Duration.ofMinutes(3));
        assertThat(TestStack.count("SELECT count(*) FROM (SELECT order_id FROM order_tracking WHERE order_id IN (" + ids
                        + ") GROUP BY order_id, status HAVING count(*) > 1) twice"))
                .as("orders tracked twice")
                .isZero();
        assertThat(metric("runner_give_way_total"))
                .as("messages held back while 16 clients paid")
                .isGreaterThan(before);
        assertThat(metric("runner_give_way_milliseconds_total")).isPositive();
    }

    /** The sum of a metric's series in the server's Prometheus output (0 when it has none yet). */
    private static double metric(String name) {
        String text = TestStack.send(TestStack.request("/metrics")
                        .setHeader("Accept", "text/plain")
                        .GET()
                        .build())
                .body();
        var series = Pattern.compile("^" + name + "\\{[^}]*\\}\\s+(\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        double sum = 0;
        while (series.find()) {
            sum += Double.parseDouble(series.group(1));
        }
        return sum;
    }
}
