package ro.runner.marketplace.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class OrderCopiesTest {

    @Test
    void statusesFollowEmagAndANewOrderIsPaidOnlyWhenEmagSaysSo() {
        assertThat(OrderCopies.status(0, null)).isEqualTo("CANCELLED");
        assertThat(OrderCopies.status(1, 0)).isEqualTo("PENDING");
        assertThat(OrderCopies.status(1, 1)).isEqualTo("PAID");
        assertThat(OrderCopies.status(2, 1)).isEqualTo("CONFIRMED");
        assertThat(OrderCopies.status(3, 0)).isEqualTo("CONFIRMED");
        assertThat(OrderCopies.status(4, 1)).isEqualTo("COMPLETED");
        assertThat(OrderCopies.status(5, 1)).isEqualTo("REFUNDED");
    }

    @Test
    void activeLinesAreCopiedWithVatAndRemovedOnesLeftOut() {
        var order = Json.createReader(
                        new StringReader(
                                """
                        {"products":[
                          {"product_id":7,"part_number":"SKU-1","name":"Cană","quantity":2,"sale_price":"100.0000","vat":"0.1900","status":1},
                          {"product_id":8,"part_number":"SKU-2","name":"Tricou","quantity":"1","sale_price":50,"vat":"0.1900","status":0},
                          {"product_id":9,"name":"Fără cod","quantity":1,"sale_price":"10.00","status":"1"}
                        ]}
                        """))
                .readObject();

        var lines = OrderCopies.lines(order);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).sku()).isEqualTo("SKU-1");
        assertThat(lines.get(0).name()).isEqualTo("Cană");
        assertThat(lines.get(0).quantity()).isEqualTo(2);
        assertThat(lines.get(0).unitPrice()).isEqualByComparingTo("119.00");
        assertThat(lines.get(1).sku()).isEqualTo("9");
        assertThat(lines.get(1).unitPrice()).isEqualByComparingTo("10.00");
    }

    @Test
    void numbersNameTheAccountAndStayWithinTheColumn() {
        assertThat(OrderCopies.number("main", 400000123L)).isEqualTo("EMAG-MAIN-400000123");
        assertThat(OrderCopies.number("a-very-long-account-name-for-a-seller", 400000123L))
                .hasSizeLessThanOrEqualTo(40)
                .startsWith("EMAG-400000123-");
    }
}
