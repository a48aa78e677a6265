package ro.runner.tracking.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ro.runner.notifications.boundary.Notifications;
import ro.runner.notifications.control.MailComposer;
import ro.runner.notifications.entity.NewNotification;
import ro.runner.notifications.entity.Priority;
import ro.runner.runs.entity.Jsons;
import ro.runner.tracking.entity.Sale;
import ro.runner.tracking.entity.StatusChange;

/**
 * Everything an order's status change means beyond the payment itself, done off the request path
 * and exactly once per (order, status): a row in order_tracking is the idempotency key, inserted
 * first with ON CONFLICT DO NOTHING, so a redelivered message finds it and does nothing. For a
 * payment: the core customer upserted by e-mail (INSERT … ON CONFLICT, race-safe between
 * consumers), the purchase conversion with its traffic source and campaign, and the buyer's and
 * seller's notifications queued; for every tracked status the per-hour counters.
 *
 * <p>Set-based: a batch of changes costs the same seven statements as one change (the orders and
 * their item counts come from one query), which is what lets the consumer drain a queue of
 * thousands of paid orders in batches. Rows are locked in key order (customers by e-mail, counters
 * by hour), so two batches never deadlock, and the shared per-hour counter row is written last, so
 * it is held only until the commit.
 */
@Stateless
public class Tracking {

    private static final String ORDERS = "SELECT o.id, o.number, o.customer_email, o.customer_name, o.total,"
            + " o.currency, o.traffic_source, o.campaign, coalesce(o.paid_at, o.updated_at),"
            + " coalesce(sum(l.quantity), 0), coalesce(json_agg(json_build_object('name', l.name, 'sku', l.sku,"
            + " 'quantity', l.quantity, 'amount', l.unit_price * l.quantity) ORDER BY l.position)"
            + " FILTER (WHERE l.id IS NOT NULL), '[]')::text"
            + " FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE o.id = ANY (?) GROUP BY o.id";

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Inject
    Notifications notifications;

    /** Who hears about a sale: configurable per deployment (MicroProfile Config). */
    @Inject
    @ConfigProperty(name = "runner.seller.email", defaultValue = "vanzari@runner.local")
    String seller;

    /** Tracks the status of the order; false when it was tracked before (a redelivery). */
    public boolean track(StatusChange change) {
        return trackAll(List.of(change)) == 1;
    }

    /** Tracks the changes in one transaction; how many were new (the others were tracked before). */
    public int trackAll(List<StatusChange> changes) {
        try (Connection db = primary.getConnection()) {
            List<StatusChange> fresh = claim(db, changes);
            if (fresh.isEmpty()) {
                return 0;
            }
            Map<Long, Sale> sales = sales(db, fresh);
            List<Sale> paid = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            List<Sale> tracked = new ArrayList<>();
            for (StatusChange change : fresh) {
                Sale sale = sales.get(change.orderId());
                if (sale == null) {
                    throw new IllegalStateException("order " + change.orderId() + " does not exist");
                }
                if ("PAID".equals(change.status())) {
                    paid.add(sale);
                }
                tracked.add(sale);
                statuses.add(change.status());
            }
            if (!paid.isEmpty()) {
                Map<String, Long> customers = upsertCustomers(db, paid);
                convert(db, paid, customers);
                queueNotifications(paid);
            }
            count(db, tracked, statuses);
            return fresh.size();
        } catch (SQLException e) {
            StatusChange first = changes.get(0);
            throw new IllegalStateException(
                    "tracking order " + first.orderId() + " " + first.status()
                            + (changes.size() > 1 ? " and " + (changes.size() - 1) + " more" : "") + " failed: "
                            + e.getMessage(),
                    e);
        }
    }

    /** Inserts the idempotency keys; the changes not tracked before. */
    private static List<StatusChange> claim(Connection db, List<StatusChange> changes) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO order_tracking (order_id, status)"
                + " SELECT * FROM unnest(?::bigint[], ?::text[]) ORDER BY 1, 2"
                + " ON CONFLICT DO NOTHING RETURNING order_id, status")) {
            insert.setArray(1, array(db, "bigint", changes, StatusChange::orderId));
            insert.setArray(2, array(db, "text", changes, StatusChange::status));
            List<StatusChange> fresh = new ArrayList<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(new StatusChange(rows.getLong(1), rows.getString(2)));
                }
            }
            return fresh;
        }
    }

    private static Map<Long, Sale> sales(Connection db, List<StatusChange> changes) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(ORDERS)) {
            query.setArray(1, array(db, "bigint", changes, StatusChange::orderId));
            Map<Long, Sale> sales = new HashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String source = row.getString(7);
                    var sale = new Sale(
                            row.getLong(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getBigDecimal(5),
                            row.getString(6),
                            source == null || source.isBlank()
                                    ? "direct"
                                    : source.trim().toLowerCase(Locale.ROOT),
                            row.getString(8),
                            row.getTimestamp(9),
                            row.getInt(10),
                            row.getString(11));
                    sales.put(sale.orderId(), sale);
                }
            }
            return sales;
        }
    }

    /**
     * One upsert for every buyer of the batch, their orders of the batch summed first (a statement
     * may not update a row twice); the customer id by e-mail.
     */
    private static Map<String, Long> upsertCustomers(Connection db, List<Sale> paid) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(
                "INSERT INTO customers (email, name, orders, revenue, first_order_at, last_order_at)"
                        + " SELECT email, (array_agg(name ORDER BY at::timestamptz DESC, id DESC))[1], count(*),"
                        + " sum(total), min(at::timestamptz), max(at::timestamptz)"
                        + " FROM unnest(?::text[], ?::text[], ?::numeric[], ?::text[], ?::bigint[])"
                        + " AS s(email, name, total, at, id) GROUP BY email ORDER BY email"
                        + " ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name,"
                        + " orders = customers.orders + EXCLUDED.orders, revenue = customers.revenue + EXCLUDED.revenue,"
                        + " first_order_at = least(customers.first_order_at, EXCLUDED.first_order_at),"
                        + " last_order_at = greatest(customers.last_order_at, EXCLUDED.last_order_at)"
                        + " RETURNING email, id")) {
            upsert.setArray(1, array(db, "text", paid, Sale::email));
            upsert.setArray(2, array(db, "text", paid, Sale::name));
            upsert.setArray(3, array(db, "numeric", paid, Sale::total));
            upsert.setArray(4, array(db, "text", paid, sale -> at(sale)));
            upsert.setArray(5, array(db, "bigint", paid, Sale::orderId));
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getLong(2));
                }
            }
            return ids;
        }
    }

    /** The purchase conversions with their attribution, and the customer on each tracking row. */
    private static void convert(Connection db, List<Sale> paid, Map<String, Long> customers) throws SQLException {
        Array orders = array(db, "bigint", paid, Sale::orderId);
        Array customerIds = array(db, "bigint", paid, sale -> customers.get(sale.email()));
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO conversions (order_id, customer_id, traffic_source, campaign, items, amount, converted_at)"
                        + " SELECT o, c, s, k, i, a, t::timestamptz"
                        + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::numeric[], ?::text[])"
                        + " AS v(o, c, s, k, i, a, t) ORDER BY o ON CONFLICT DO NOTHING")) {
            insert.setArray(1, orders);
            insert.setArray(2, customerIds);
            insert.setArray(3, array(db, "text", paid, Sale::trafficSource));
            insert.setArray(4, array(db, "text", paid, Sale::campaign));
            insert.setArray(5, array(db, "int", paid, Sale::items));
            insert.setArray(6, array(db, "numeric", paid, Sale::total));
            insert.setArray(7, array(db, "text", paid, sale -> at(sale)));
            insert.executeUpdate();
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE order_tracking t SET customer_id = v.c"
                + " FROM unnest(?::bigint[], ?::bigint[]) AS v(o, c) WHERE t.order_id = v.o AND t.status = 'PAID'")) {
            update.setArray(1, orders);
            update.setArray(2, customerIds);
            update.executeUpdate();
        }
    }

    /** The per-hour counters: one row per (hour, status) of the batch, added to in key order. */
    private static void count(Connection db, List<Sale> sales, List<String> statuses) throws SQLException {
        try (PreparedStatement upsert =
                db.prepareStatement("INSERT INTO order_counters_hourly (hour, status, orders, items, revenue)"
                        + " SELECT date_trunc('hour', t::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', s,"
                        + " count(*), sum(i), sum(a)"
                        + " FROM unnest(?::text[], ?::text[], ?::int[], ?::numeric[]) AS v(t, s, i, a)"
                        + " GROUP BY 1, 2 ORDER BY 1, 2"
                        + " ON CONFLICT (hour, status) DO UPDATE SET orders = order_counters_hourly.orders + EXCLUDED.orders,"
                        + " items = order_counters_hourly.items + EXCLUDED.items,"
                        + " revenue = order_counters_hourly.revenue + EXCLUDED.revenue")) {
            upsert.setArray(1, array(db, "text", sales, sale -> at(sale)));
            upsert.setArray(2, db.createArrayOf("text", statuses.toArray()));
            upsert.setArray(3, array(db, "int", sales, Sale::items));
            upsert.setArray(4, array(db, "numeric", sales, Sale::total));
            upsert.executeUpdate();
        }
    }

    private void queueNotifications(List<Sale> paid) {
        List<NewNotification> queued = new ArrayList<>(paid.size() * 2);
        for (Sale sale : paid) {
            JsonObject model = model(sale);
            queued.add(new NewNotification(
                    MailComposer.ORDER_CONFIRMATION,
                    "order-" + sale.orderId() + "-confirmation",
                    sale.email(),
                    Priority.HIGH,
                    model,
                    sale.orderId()));
            queued.add(new NewNotification(
                    MailComposer.SALE_NOTICE,
                    "order-" + sale.orderId() + "-sale",
                    seller,
                    Priority.DEFAULT,
                    model,
                    sale.orderId()));
        }
        notifications.queueAll(queued);
    }

    private static JsonObject model(Sale sale) {
        try (var lines = Jsons.JSON.createReader(new StringReader(sale.linesJson()))) {
            return Jsons.JSON
                    .createObjectBuilder()
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
    }

    /** The sale's time as an ISO-8601 instant, which PostgreSQL reads as timestamptz. */
    private static String at(Sale sale) {
        return sale.at().toInstant().toString();
    }

    private static <T> Array array(Connection db, String type, List<T> rows, java.util.function.Function<T, ?> column)
            throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return db.createArrayOf(type, values);
    }
}
