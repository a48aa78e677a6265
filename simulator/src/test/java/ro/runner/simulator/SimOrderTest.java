package ro.runner.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SimOrderTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 10, 0, 0);

    @Test
    void acknowledgeMovesANewOrderToInProgressOnce() {
        SimOrder order = new SimOrder(1, 3, T0, JsonValue.EMPTY_JSON_OBJECT);

        assertThat(order.acknowledge(T0.plusMinutes(1))).isEqualTo(SimOrder.Ack.ACKNOWLEDGED);
        assertThat(order.status()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(order.modified()).isEqualTo(T0.plusMinutes(1));
        assertThat(order.acknowledge(T0.plusMinutes(2))).isEqualTo(SimOrder.Ack.DUPLICATE);
        assertThat(order.modified()).isEqualTo(T0.plusMinutes(1));
    }

    @Test
    void fulfilledByEmagOrdersAreReadOnly() {
        SimOrder order = new SimOrder(2, 2, T0, JsonValue.EMPTY_JSON_OBJECT);

        assertThat(order.acknowledge(T0)).isEqualTo(SimOrder.Ack.READ_ONLY);
        assertThat(order.status()).isEqualTo(OrderStatus.NEW);
        assertThatThrownBy(() -> order.save(OrderStatus.CANCELED, T0)).hasMessageContaining("cannot be modified");
    }

    @Test
    void newLeavesOnlyThroughAcknowledge() {
        SimOrder order = new SimOrder(3, 3, T0, JsonValue.EMPTY_JSON_OBJECT);

        assertThatThrownBy(() -> order.save(OrderStatus.PREPARED, T0)).hasMessageContaining("from status 1 to 3");
        order.acknowledge(T0);
        order.save(OrderStatus.PREPARED, T0);
        order.save(OrderStatus.FINALIZED, T0);
        order.save(OrderStatus.RETURNED, T0);
        assertThatThrownBy(() -> order.save(OrderStatus.CANCELED, T0)).hasMessageContaining("from status 5 to 0");
    }

    @Test
    void aCanceledOrderIsNotNewAnymore() {
        SimOrder order = new SimOrder(4, 3, T0, JsonValue.EMPTY_JSON_OBJECT);
        order.force(OrderStatus.CANCELED, T0);

        assertThat(order.acknowledge(T0)).isEqualTo(SimOrder.Ack.NOT_NEW);
        assertThat(order.wantsCallback(10)).isFalse();
    }

    @Test
    void callbacksStopAtAcknowledge() {
        SimOrder order = new SimOrder(5, 3, T0, JsonValue.EMPTY_JSON_OBJECT);

        assertThat(order.wantsCallback(10)).isTrue();
        assertThat(order.wantsCallback(10)).isTrue();
        order.acknowledge(T0);
        assertThat(order.wantsCallback(10)).isFalse();
    }
}
