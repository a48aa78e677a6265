package ro.runner.simulator;

import java.util.EnumSet;
import java.util.Set;

/** eMAG order statuses (the number is what travels) and the changes a seller may make. */
public enum OrderStatus {
    CANCELED(0),
    NEW(1),
    IN_PROGRESS(2),
    PREPARED(3),
    FINALIZED(4),
    RETURNED(5);

    public final int code;

    OrderStatus(int code) {
        this.code = code;
    }

    public static OrderStatus of(int code) {
        for (OrderStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown order status " + code);
    }

    /** NEW leaves only through acknowledge, never through a save. */
    public boolean canSaveTo(OrderStatus next) {
        return next == this || allowedAfter().contains(next);
    }

    private Set<OrderStatus> allowedAfter() {
        return switch (this) {
            case NEW -> EnumSet.noneOf(OrderStatus.class);
            case IN_PROGRESS -> EnumSet.of(PREPARED, FINALIZED, CANCELED);
            case PREPARED -> EnumSet.of(FINALIZED, CANCELED);
            case FINALIZED -> EnumSet.of(RETURNED, CANCELED, PREPARED);
            case CANCELED -> EnumSet.of(IN_PROGRESS, PREPARED, FINALIZED);
            case RETURNED -> EnumSet.noneOf(OrderStatus.class);
        };
    }
}
