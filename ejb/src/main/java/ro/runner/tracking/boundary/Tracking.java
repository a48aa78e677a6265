package ro.runner.tracking.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ro.runner.notifications.boundary.Notifications;
import ro.runner.notifications.control.MailComposer;
import ro.runner.notifications.entity.Priority;
import ro.runner.tracking.entity.Sale;

/**
 * Everything an order's status change means beyond the payment itself, done off the request path
 * and exactly once per (order, status): a row in order_tracking is the idempotency key, inserted
 * first with ON CONFLICT DO NOTHING, so a redelivered message finds it and does nothing. For a
 * payment: the core customer upserted by e-mail (INSERT … ON CONFLICT, race-safe between
 * consumers), the purchase conversion with its traffic source and campaign, and the buyer's and
 * seller's notifications queued; for every tracked status the per-hour counters. The order and its
 * item count come from one query.
 */
@Stateless
public class Tracking {

    private static final String ORDER = "SELECT o.number, o.customer_email, o.customer_name, o.total, o.currency,"
            + " o.traffic_source, o.campaign, coalesce(o.paid_at, o.updated_at),"
            + " coalesce(sum(l.quantity), 0), coalesce(json_agg(json_build_object('name', l.name, 'sku', l.sku,"
            + " 'quantity', l.quantity, 'amount', l.unit_price * l.quantity) ORDER BY l.position)"
            + " FILTER (WHERE l.id IS NOT NULL), '[]')::text"
            + " FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE o.id = ? GROUP BY o.id";

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Inject
    Notifications notifications;

    /** Who hears about a sale: configurable per deployment (MicroProfile Config). */
    @Inject
    @ConfigProperty(name = "runner.seller.email", defaultValue = "vanzari@runner.local")
    String seller;

    /** Tracks the status of the order; false when it was tracked before (a redelivery). */
    public boolean track(long orderId, String status) {
        try (Connection db = primary.getConnection()) {
            if (update(
                            db,
                            "INSERT INTO order_tracking (order_id, status) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            orderId,
                            status)
                    == 0) {
                return false;
            }
            Sale sale = sale(db, orderId);
            if ("PAID".equals(status)) {
                long customer = upsertCustomer(db, sale);
                update(
                        db,
                        "INSERT INTO conversions (order_id, customer_id, traffic_source, campaign, items, amount, converted_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        orderId,
                        customer,
                        sale.trafficSource(),
                        sale.campaign(),
                        sale.items(),
                        sale.total(),
                        sale.at());
                update(
                        db,
                        "UPDATE order_tracking SET customer_id = ? WHERE order_id = ? AND status = ?",
                        customer,
                        orderId,
                        status);
                queueNotifications(sale);
            }
            update(
                    db,
                    "INSERT INTO order_counters_hourly (hour, status, orders, items, revenue)"
                            + " VALUES (date_trunc('hour', ? AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', ?, 1, ?, ?)"
                            + " ON CONFLICT (hour, status) DO UPDATE SET orders = order_counters_hourly.orders + 1,"
                            + " items = order_counters_hourly.items + EXCLUDED.items,"
                            + " revenue = order_counters_hourly.revenue + EXCLUDED.revenue",
                    sale.at(),
                    status,
                    sale.items(),
                    sale.total());
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "tracking order " + orderId + " " + status + " failed: " + e.getMessage(), e);
        }
    }

    private void queueNotifications(Sale sale) {
        JsonObject model;
        try (var lines = Json.createReader(new StringReader(sale.linesJson()))) {
            model = Json.createObjectBuilder()
                    .add("number", sale.number())
                    .add("name", sale.name())
                    .add("email", sale.email())
                    .add("total", sale.total())
                    .add("currency", sale.currency())
                    .add("items", sale.items())
                    .add("trafficSource", sale.trafficSource())
                    .add("campaign", sale.campaign() == null ? "" : sale.campaign())
                    .add("lines", lines.readArray())
                    .build();
        }
        notifications.queue(
                MailComposer.ORDER_CONFIRMATION,
                "order-" + sale.orderId() + "-confirmation",
                sale.email(),
                Priority.HIGH,
                model,
                sale.orderId());
        notifications.queue(
                MailComposer.SALE_NOTICE,
                "order-" + sale.orderId() + "-sale",
                seller,
                Priority.DEFAULT,
                model,
                sale.orderId());
    }

    private static Sale sale(Connection db, long orderId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(ORDER)) {
            query.setLong(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("order " + orderId + " does not exist");
                }
                String source = row.getString(6);
                return new Sale(
                        orderId,
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getBigDecimal(4),
                        row.getString(5),
                        source == null || source.isBlank()
                                ? "direct"
                                : source.trim().toLowerCase(Locale.ROOT),
                        row.getString(7),
                        row.getTimestamp(8),
                        row.getInt(9),
                        row.getString(10));
            }
        }
    }

    private static long upsertCustomer(Connection db, Sale sale) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(
                "INSERT INTO customers (email, name, orders, revenue, first_order_at, last_order_at)"
                        + " VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name,"
                        + " orders = customers.orders + 1, revenue = customers.revenue + EXCLUDED.revenue,"
                        + " first_order_at = least(customers.first_order_at, EXCLUDED.first_order_at),"
                        + " last_order_at = greatest(customers.last_order_at, EXCLUDED.last_order_at) RETURNING id")) {
            bind(upsert, sale.email(), sale.name(), sale.total(), sale.at(), sale.at());
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static int update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
