package ro.runner.orders.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the API and the console show it, detached from the persistence context. */
public record OrderView(
        long id,
        String number,
        OrderStatus status,
        OrderSource source,
        String customerEmail,
        String customerName,
        String currency,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal total,
        String promoCode,
        String trafficSource,
        String campaign,
        Instant createdAt,
        Instant updatedAt,
        Instant paidAt,
        List<Line> lines) {

    public record Line(int position, String sku, String name, int quantity, BigDecimal unitPrice) {}

    public static OrderView of(Order order, boolean withLines) {
        return new OrderView(
                order.getId(),
                order.getNumber(),
                order.getStatus(),
                order.getSource(),
                order.getCustomerEmail(),
                order.getCustomerName(),
                order.getCurrency(),
                order.getSubtotal(),
                order.getDiscount(),
                order.getTotal(),
                order.getPromoCode(),
                order.getTrafficSource(),
                order.getCampaign(),
                order.getCreatedAt(),
                order.getUpdatedAt(),
                order.getPaidAt(),
                withLines
                        ? order.getLines().stream()
                                .map(l -> new Line(
                                        l.getPosition(), l.getSku(), l.getName(), l.getQuantity(), l.getUnitPrice()))
                                .toList()
                        : List.of());
    }
}
