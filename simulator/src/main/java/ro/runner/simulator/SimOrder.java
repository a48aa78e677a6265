package ro.runner.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One order as eMAG keeps it: its status follows eMAG's state machine, acknowledging moves a new
 * order to "in progress" exactly once (later acknowledgements are counted as duplicates), and
 * orders fulfilled by eMAG (type 2) cannot be changed by the seller.
 */
public class SimOrder {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public enum Ack {
        ACKNOWLEDGED,
        DUPLICATE,
        NOT_NEW,
        READ_ONLY
    }

    private final long id;
    private final int type;
    private final LocalDateTime created;
    private final JsonObject details;
    private OrderStatus status = OrderStatus.NEW;
    private LocalDateTime modified;
    private boolean acknowledged;
    private int callbacks;

    public SimOrder(long id, int type, LocalDateTime created, JsonObject details) {
        this.id = id;
        this.type = type;
        this.created = created;
        this.modified = created;
        this.details = details;
    }

    public synchronized Ack acknowledge(LocalDateTime now) {
        if (readOnly()) {
            return Ack.READ_ONLY;
        }
        if (acknowledged) {
            return Ack.DUPLICATE;
        }
        if (status != OrderStatus.NEW) {
            return Ack.NOT_NEW;
        }
        acknowledged = true;
        status = OrderStatus.IN_PROGRESS;
        modified = now;
        return Ack.ACKNOWLEDGED;
    }

    /** A seller's change of status through order/save; the message says why it is refused. */
    public synchronized void save(OrderStatus next, LocalDateTime now) {
        if (readOnly()) {
            throw new IllegalStateException("Order " + id + " is fulfilled by eMAG and cannot be modified.");
        }
        if (!status.canSaveTo(next)) {
            throw new IllegalStateException(
                    "Order " + id + " cannot change from status " + status.code + " to " + next.code + ".");
        }
        if (next != status) {
            status = next;
            modified = now;
        }
    }

    /** Changes made by eMAG or the customer (cancellation, return): no seller rules apply. */
    public synchronized void force(OrderStatus next, LocalDateTime now) {
        status = next;
        modified = now;
    }

    public boolean readOnly() {
        return type == 2;
    }

    public long id() {
        return id;
    }

    public int type() {
        return type;
    }

    public synchronized OrderStatus status() {
        return status;
    }

    public synchronized LocalDateTime modified() {
        return modified;
    }

    public LocalDateTime created() {
        return created;
    }

    public synchronized boolean acknowledged() {
        return acknowledged;
    }

    /** Counts one callback; true while the order still wants them (new, not acknowledged). */
    public synchronized boolean wantsCallback(int maxCallbacks) {
        if (acknowledged || status != OrderStatus.NEW || callbacks >= maxCallbacks) {
            return false;
        }
        callbacks++;
        return true;
    }

    /** No callbacks for this order (orders that existed before the simulator started). */
    public synchronized void silence() {
        callbacks = Integer.MAX_VALUE;
    }

    public synchronized JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", id)
                .add("status", status.code)
                .add("type", type)
                .add("date", DATE.format(created))
                .add("created", DATE.format(created))
                .add("modified", DATE.format(modified));
        details.forEach(b::add);
        return b.build();
    }
}
