package ro.runner.orders.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An order and its lines. It knows which status changes are allowed ({@link OrderStatus#next()}) and
 * refuses the others, so no caller can move an order where its life does not go.
 */
@Entity
@Table(name = "orders")
public class Order {

    private static final char[] NUMBER_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @Enumerated(EnumType.STRING)
    private OrderSource source;

    @Column(name = "customer_email")
    private String customerEmail;

    @Column(name = "customer_name")
    private String customerName;

    private String currency;
    private BigDecimal subtotal;
    private BigDecimal discount;
    private BigDecimal total;

    @Column(name = "promo_code")
    private String promoCode;

    @Column(name = "traffic_source")
    private String trafficSource;

    private String campaign;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Version
    private int version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {}

    /** A PENDING order from a validated cart, priced from its lines. */
    public static Order checkout(CheckoutRequest cart, String idempotencyKey, Instant now) {
        Order order = new Order();
        order.number = newNumber(now);
        order.status = OrderStatus.PENDING;
        order.source = OrderSource.CHECKOUT;
        order.customerEmail = cart.normalizedEmail();
        order.customerName = cart.name().trim();
        order.currency = cart.currency();
        order.trafficSource = cart.trafficSource();
        order.campaign = cart.campaign();
        order.idempotencyKey = idempotencyKey;
        order.createdAt = now;
        order.updatedAt = now;
        int position = 1;
        for (CheckoutRequest.Line line : cart.lines()) {
            order.lines.add(new OrderLine(
                    order, position++, line.sku().trim(), line.name().trim(), line.quantity(), line.unitPrice()));
        }
        order.subtotal = order.lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        order.discount = BigDecimal.ZERO.setScale(2);
        order.total = order.subtotal;
        return order;
    }

    /** Applies a percentage off the subtotal, rounded half-up to cents. */
    public BigDecimal applyPromo(String code, int percentOff) {
        this.promoCode = code;
        this.discount = subtotal.multiply(BigDecimal.valueOf(percentOff))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        this.total = subtotal.subtract(discount);
        return discount;
    }

    /** Moves to the target status or refuses with the allowed ones; true when the status changed. */
    public boolean moveTo(OrderStatus target, Instant now) {
        if (target == status) {
            return false;
        }
        if (!status.canMoveTo(target)) {
            throw new OrderConflict(
                    "order " + number + " is " + status + " and can move only to " + status.next() + ", not " + target);
        }
        status = target;
        updatedAt = now;
        if (target == OrderStatus.PAID) {
            paidAt = now;
        }
        return true;
    }

    private static String newNumber(Instant now) {
        var number = new StringBuilder("R")
                .append(now.toString(), 2, 4)
                .append(now.toString(), 5, 7)
                .append('-');
        for (int i = 0; i < 8; i++) {
            number.append(NUMBER_CHARS[RANDOM.nextInt(NUMBER_CHARS.length)]);
        }
        return number.toString();
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public OrderSource getSource() {
        return source;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getPromoCode() {
        return promoCode;
    }

    public String getTrafficSource() {
        return trafficSource;
    }

    public String getCampaign() {
        return campaign;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
