package ro.runner.orders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.orders.boundary.Checkout;
import ro.runner.orders.boundary.Orders;
import ro.runner.orders.entity.CheckoutRequest;
import ro.runner.runs.control.Messages;
import ro.runner.runs.entity.Envelope;

/**
 * In the server, on the real broker: the tracking consumer does its work once per (order, status)
 * however often the message arrives, and two orders of one new customer paid at once make one
 * customer with two orders (the upsert is race-safe); a backlog is tracked in batches, once per
 * (order, status), and a message that fails in a batch is retried alone.
 */
@ExtendWith(ArquillianExtension.class)
class TrackingOnceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(TrackingOnceIT.class);
    }

    @EJB
    Checkout checkout;

    @EJB
    Orders orders;

    @Inject
    Messages messages;

    @Resource(lookup = "java:app/jms/OrderTrackingQueue")
    Queue tracking;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Resource
    UserTransaction transaction;

    @Test
    void aRedeliveredStatusMessageIsTrackedOnce() throws Exception {
        String email = "once-" + UUID.randomUUID() + "@example.ro";
        long id = checkout.place(cart(email), null).order().id();
        var paid = orders.pay(id);
        var duplicate = new Envelope(
                Orders.STATUS_MESSAGE,
                1,
                "order-" + id + "-PAID",
                Json.createObjectBuilder()
                        .add("orderId", id)
                        .add("number", paid.number())
                        .add("status", "PAID")
                        .build());
        messages.send(tracking, duplicate, 4);
        messages.send(tracking, duplicate, 4);

        await(
                "SELECT count(*) FROM runs WHERE name = 'order-tracking' AND correlation = 'order-" + id
                        + "-PAID' AND status = 'SUCCEEDED'",
                3);
        assertThat(count("SELECT count(*) FROM order_tracking WHERE order_id = " + id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM conversions WHERE order_id = " + id))
                .isEqualTo(1);
        assertThat(count("SELECT orders FROM customers WHERE email = '" + email + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notifications WHERE order_id = " + id))
                .isEqualTo(2);
    }

    @Test
    void twoOrdersOfANewCustomerPaidAtOnceMakeOneCustomer() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.ro";
        long first = checkout.place(cart(email), null).order().id();
        long second = checkout.place(cart(email), null).order().id();

        List.of(first, second).parallelStream().forEach(orders::pay);

        await("SELECT count(*) FROM conversions WHERE order_id IN (" + first + ", " + second + ")", 2);
        assertThat(count("SELECT count(*) FROM customers WHERE email = '" + email + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT orders FROM customers WHERE email = '" + email + "'"))
                .isEqualTo(2);
    }

    @Test
    void aBacklogIsTrackedInBatchesOnceEachAndABadMessageSpoilsOnlyItself() throws Exception {
        long paidBefore = count("SELECT coalesce(sum(orders), 0) FROM order_counters_hourly WHERE status = 'PAID'");
        String batch = UUID.randomUUID().toString().substring(0, 8);
        int buyers = 40;
        int ordersEach = 5;
        var ids = new ArrayList<Long>();
        // 200 orders of 40 buyers paid in one transaction: their 200 status messages, 10 of them
        // twice, and one for an order that does not exist reach the queue at once, as a backlog.
        transaction.begin();
        for (int i = 0; i < buyers * ordersEach; i++) {
            long id = checkout.place(cart("batch-" + batch + "-" + (i % buyers) + "@example.ro"), null)
                    .order()
                    .id();
            orders.pay(id);
            ids.add(id);
        }
        for (long id : ids.subList(0, 10)) {
            messages.send(tracking, paidMessage(id), 4);
        }
        messages.send(tracking, paidMessage(Long.MAX_VALUE), 4);
        transaction.commit();
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        String correlations = ids.stream().map(id -> "'order-" + id + "-PAID'").collect(Collectors.joining(","));

        await(
                "SELECT count(*) FROM runs WHERE name = 'order-tracking' AND status = 'SUCCEEDED'"
                        + " AND correlation IN (" + correlations + ")",
                ids.size() + 10);
        // the message for no order failed on its own (and is being retried with growing delays)
        String bad = "SELECT count(*) FROM runs WHERE name = 'order-tracking' AND correlation = 'order-"
                + Long.MAX_VALUE + "-PAID'";
        // (a batch that failed on it handles its messages one by one, this one last among them)
        long deadline = System.currentTimeMillis() + 60_000;
        while (count(bad + " AND status = 'FAILED'") == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(count(bad + " AND status = 'FAILED'")).isPositive();
        assertThat(count(bad + " AND status = 'SUCCEEDED'")).isZero();
        assertThat(count("SELECT count(*) FROM order_tracking WHERE order_id IN (" + in + ")"))
                .isEqualTo(ids.size());
        assertThat(count("SELECT count(*) FROM order_tracking WHERE order_id IN (" + in + ") AND customer_id IS NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM conversions WHERE order_id IN (" + in + ")"))
                .isEqualTo(ids.size());
        assertThat(count("SELECT count(*) FROM notifications WHERE order_id IN (" + in + ")"))
                .isEqualTo(2L * ids.size());
        assertThat(count("SELECT count(*) FROM customers WHERE email LIKE 'batch-" + batch + "-%'"))
                .isEqualTo(buyers);
        assertThat(count("SELECT count(*) FROM customers WHERE email LIKE 'batch-" + batch + "-%' AND orders = "
                        + ordersEach + " AND revenue = " + ordersEach + " * 99.90"))
                .isEqualTo(buyers);
        assertThat(count("SELECT coalesce(sum(orders), 0) FROM order_counters_hourly WHERE status = 'PAID'")
                        - paidBefore)
                .isEqualTo(ids.size());
        // the ledger shows the batches: rows of one batch share their start and end
        assertThat(count("SELECT max(n) FROM (SELECT count(*) AS n FROM runs WHERE name = 'order-tracking'"
                        + " AND correlation IN (" + correlations + ") GROUP BY started_at, ended_at) b"))
                .isGreaterThan(1);
    }

    private static Envelope paidMessage(long id) {
        return new Envelope(
                Orders.STATUS_MESSAGE,
                1,
                "order-" + id + "-PAID",
                Json.createObjectBuilder()
                        .add("orderId", id)
                        .add("number", "N-" + id)
                        .add("status", "PAID")
                        .build());
    }

    private static CheckoutRequest cart(String email) {
        return new CheckoutRequest(
                email,
                "Mihai Ștefănescu",
                "RON",
                List.of(new CheckoutRequest.Line("SKU-1", "Ceas", 1, new BigDecimal("99.90"))),
                null,
                "newsletter",
                null);
    }

    private void await(String sql, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (count(sql) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(count(sql)).as(sql).isEqualTo(expected);
    }

    private long count(String sql) throws SQLException {
        try (var db = primary.getConnection();
                var statement = db.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
