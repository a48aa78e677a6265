package ro.runner.orders.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cart as the shop's checkout sends it. {@link #validate()} names the first thing wrong, so a bad
 * body is refused before anything is written.
 */
public record CheckoutRequest(
        String email,
        String name,
        String currency,
        List<Line> lines,
        String promoCode,
        String trafficSource,
        String campaign) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final int MAX_LINES = 200;

    public record Line(String sku, String name, Integer quantity, BigDecimal unitPrice) {}

    public CheckoutRequest validate() {
        require(email != null && email.length() <= 254 && EMAIL.matcher(email).matches(), "email is a valid address");
        require(name != null && !name.isBlank() && name.length() <= 200, "name is 1 to 200 characters");
        require(currency != null && CURRENCY.matcher(currency).matches(), "currency is an ISO 4217 code such as RON");
        require(lines != null && !lines.isEmpty() && lines.size() <= MAX_LINES, "lines holds 1 to 200 lines");
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "].";
            require(line != null, "lines[" + i + "] is an object");
            require(
                    line.sku() != null && !line.sku().isBlank() && line.sku().length() <= 64,
                    at + "sku is 1 to 64 characters");
            require(
                    line.name() != null && !line.name().isBlank() && line.name().length() <= 300,
                    at + "name is 1 to 300 characters");
            require(
                    line.quantity() != null && line.quantity() > 0 && line.quantity() <= 10_000,
                    at + "quantity is 1 to 10000");
            require(
                    line.unitPrice() != null
                            && line.unitPrice().signum() >= 0
                            && line.unitPrice().scale() <= 2
                            && line.unitPrice().compareTo(BigDecimal.valueOf(1_000_000)) < 0,
                    at + "unitPrice is an amount from 0 to 999999.99 with at most 2 decimals");
        }
        require(promoCode == null || promoCode.length() <= 40, "promoCode is at most 40 characters");
        require(trafficSource == null || trafficSource.length() <= 40, "trafficSource is at most 40 characters");
        require(campaign == null || campaign.length() <= 100, "campaign is at most 100 characters");
        return this;
    }

    public String normalizedEmail() {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
