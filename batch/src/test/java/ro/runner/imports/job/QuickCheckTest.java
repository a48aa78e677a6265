package ro.runner.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuickCheckTest {

    private final QuickCheck products = new QuickCheck(ProductRow.class);
    private final QuickCheck vehicles = new QuickCheck(VehicleRow.class);

    private static Object[] product(String sku, String name, String price, Integer stock, String vat, String ean) {
        return new Object[] {
            sku,
            name,
            "Brand",
            "Category",
            price == null ? null : new BigDecimal(price),
            null,
            stock,
            vat == null ? null : new BigDecimal(vat),
            ean
        };
    }

    @Test
    void aValidRowPasses() {
        assertThat(products.passes(product("A-1", "Name", "12.50", 3, "19", "5940000000001")))
                .isTrue();
        assertThat(products.passes(product("A-1", "Name", "0", null, null, null)))
                .isTrue();
        assertThat(vehicles.passes(new Object[] {
                    "WVWZZZ1JZXW000001", "VW", "Golf", 2019, 1000, "diesel", new BigDecimal("9999.99"), "D"
                }))
                .isTrue();
    }

    @Test
    void everyBrokenConstraintSendsTheRowToTheValidator() {
        assertThat(products.passes(product(null, "Name", "1", 1, "19", null))).isFalse();
        assertThat(products.passes(product(" ", "Name", "1", 1, "19", null))).isFalse();
        assertThat(products.passes(product("x".repeat(65), "Name", "1", 1, "19", null)))
                .isFalse();
        assertThat(products.passes(product("A", "Name", null, 1, "19", null))).isFalse();
        assertThat(products.passes(product("A", "Name", "-0.01", 1, "19", null)))
                .isFalse();
        assertThat(products.passes(product("A", "Name", "1.005", 1, "19", null)))
                .isFalse();
        assertThat(products.passes(product("A", "Name", "1.500", 1, "19", null)))
                .as("trailing zeros are left to the validator")
                .isFalse();
        assertThat(products.passes(product("A", "Name", "12345678901", 1, "19", null)))
                .isFalse();
        assertThat(products.passes(product("A", "Name", "1", -1, "19", null))).isFalse();
        assertThat(products.passes(product("A", "Name", "1", 1, "100.5", null))).isFalse();
        assertThat(products.passes(product("A", "Name", "1", 1, "19", "12ab5678")))
                .isFalse();
        assertThat(vehicles.passes(new Object[] {"WVWZZZ1JZXW00000I", "VW", "Golf", 2019, 1, null, null, null}))
                .isFalse();
        assertThat(vehicles.passes(new Object[] {"WVWZZZ1JZXW000001", "VW", "Golf", 1899, 1, null, null, null}))
                .isFalse();
    }

    record WithEmail(@jakarta.validation.constraints.Email String contact) {}

    @Test
    void aRecordWithAConstraintItDoesNotKnowIsLeftWholeToTheValidator() {
        assertThat(new QuickCheck(WithEmail.class).passes(new Object[] {"a@b.ro"}))
                .isFalse();
    }
}
