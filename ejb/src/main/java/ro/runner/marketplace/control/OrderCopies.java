package ro.runner.marketplace.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ro.runner.marketplace.entity.EmagAnswer;

/**
 * Keeps a copy of every stored eMAG order among the shop's Orders (source MARKETPLACE), so orders
 * from every channel are listed, filtered and counted in one place. The copy is written with the
 * marketplace row, on the same connection and transaction; its number is {@code EMAG-<account>-<id>}
 * and its status follows eMAG's (eMAG decides it, so the checkout transitions do not apply and no
 * tracking or mail is sent: the buyer's e-mail from eMAG is a hash, not an address). Prices from
 * eMAG are without VAT; the copy's lines and totals include it.
 */
final class OrderCopies {

    private OrderCopies() {}

    private static final String UPSERT_ORDER =
            """
            INSERT INTO orders (number, status, source, customer_email, customer_name, currency, subtotal,
                                total, traffic_source, campaign, paid_at)
            VALUES (?, ?, 'MARKETPLACE', ?, ?, ?, ?, ?, 'emag', ?, CASE WHEN ? THEN now() END)
            ON CONFLICT (number) DO UPDATE
              SET status = EXCLUDED.status, updated_at = now(),
                  paid_at = coalesce(orders.paid_at, EXCLUDED.paid_at), version = orders.version + 1
              WHERE orders.status <> EXCLUDED.status
            RETURNING id, (xmax = 0)
            """;

    /** One order line of the copy. */
    record Line(String sku, String name, int quantity, BigDecimal unitPrice) {}

    static String number(String account, long emagId) {
        String number = "EMAG-" + account.toUpperCase(Locale.ROOT) + "-" + emagId;
        return number.length() <= 40 ? number : "EMAG-" + emagId + "-" + Integer.toHexString(account.hashCode());
    }

    /** The Orders status of an eMAG order: its status, and for a new one whether it is paid. */
    static String status(int emagStatus, Integer paymentStatus) {
        return switch (emagStatus) {
            case 0 -> "CANCELLED";
            case 1 -> paymentStatus != null && paymentStatus == 1 ? "PAID" : "PENDING";
            case 2, 3 -> "CONFIRMED";
            case 4 -> "COMPLETED";
            case 5 -> "REFUNDED";
            default -> "PENDING";
        };
    }

    /** The active lines (removed ones, status 0, are left out), prices with VAT. */
    static List<Line> lines(JsonObject order) {
        List<Line> lines = new ArrayList<>();
        if (!(order.get("products") instanceof jakarta.json.JsonArray products)) {
            return lines;
        }
        for (JsonValue value : products) {
            if (!(value instanceof JsonObject product)) {
                continue;
            }
            BigDecimal status = EmagAnswer.decimal(product, "status");
            if (status != null && status.signum() == 0) {
                continue;
            }
            BigDecimal quantity = EmagAnswer.decimal(product, "quantity");
            BigDecimal price = EmagAnswer.decimal(product, "sale_price");
            BigDecimal vat = EmagAnswer.decimal(product, "vat");
            if (quantity == null || quantity.signum() <= 0 || price == null) {
                continue;
            }
            BigDecimal gross = price.multiply(BigDecimal.ONE.add(vat == null ? BigDecimal.ZERO : vat))
                    .setScale(2, RoundingMode.HALF_UP);
            String sku = text(product, "part_number");
            if (sku == null) {
                BigDecimal offer = EmagAnswer.decimal(product, "product_id");
                sku = offer == null ? "?" : offer.toPlainString();
            }
            String name = text(product, "name");
            lines.add(new Line(
                    cut(sku, 64),
                    cut(name == null ? sku : name, 300),
                    quantity.intValue(),
                    gross.max(BigDecimal.ZERO)));
        }
        return lines;
    }

    /** Writes or updates the copy of one eMAG order. */
    static void copy(Connection db, String account, long emagId, int emagStatus, JsonObject order) throws SQLException {
        BigDecimal paymentStatus = EmagAnswer.decimal(order, "payment_status");
        String status = status(emagStatus, paymentStatus == null ? null : paymentStatus.intValue());
        JsonObject customer = order.get("customer") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
        String email = text(customer, "email");
        if (email == null) {
            BigDecimal customerId = EmagAnswer.decimal(customer, "id");
            email = (customerId == null ? "unknown" : customerId.toPlainString()) + "@" + account + ".emag.invalid";
        }
        String name = text(customer, "name");
        String currency = text(order, "currency");
        List<Line> lines = lines(order);
        BigDecimal subtotal = lines.stream()
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shipping = EmagAnswer.decimal(order, "shipping_tax");
        BigDecimal total = subtotal.add(shipping == null || shipping.signum() < 0 ? BigDecimal.ZERO : shipping);
        long id;
        boolean inserted;
        try (PreparedStatement upsert = db.prepareStatement(UPSERT_ORDER)) {
            upsert.setString(1, number(account, emagId));
            upsert.setString(2, status);
            upsert.setString(3, cut(email, 254));
            upsert.setString(4, cut(name == null || name.isBlank() ? "eMAG customer" : name, 200));
            upsert.setString(5, currency == null || currency.length() != 3 ? "RON" : currency);
            upsert.setBigDecimal(6, subtotal.setScale(2, RoundingMode.HALF_UP));
            upsert.setBigDecimal(7, total.setScale(2, RoundingMode.HALF_UP));
            upsert.setString(8, cut(account, 100));
            upsert.setBoolean(9, !status.equals("PENDING") && !status.equals("CANCELLED"));
            try (var row = upsert.executeQuery()) {
                if (!row.next()) {
                    return; // the copy has this status already
                }
                id = row.getLong(1);
                inserted = row.getBoolean(2);
            }
        }
        if (!inserted || lines.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO order_lines (order_id, position, sku, name, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 1;
            for (Line line : lines) {
                insert.setLong(1, id);
                insert.setInt(2, position++);
                insert.setString(3, line.sku());
                insert.setString(4, line.name());
                insert.setInt(5, line.quantity());
                insert.setBigDecimal(6, line.unitPrice());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** After an acknowledgement (eMAG status 1 → 2) the copy is CONFIRMED. */
    static void acknowledged(Connection db, String account, long emagId) throws SQLException {
        try (PreparedStatement update =
                db.prepareStatement("UPDATE orders SET status = 'CONFIRMED', updated_at = now(),"
                        + " version = version + 1 WHERE number = ? AND status IN ('PENDING', 'PAID')")) {
            update.setString(1, number(account, emagId));
            update.executeUpdate();
        }
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        return null;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
