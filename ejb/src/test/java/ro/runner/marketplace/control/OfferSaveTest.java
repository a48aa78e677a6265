package ro.runner.marketplace.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import ro.runner.marketplace.entity.OfferChange;

class OfferSaveTest {

    private static final JsonObject OFFER = Json.createReader(
                    new StringReader(
                            """
                    {"id":1001,"status":1,"sale_price":"84.0336","vat_id":2,
                     "stock":[{"warehouse_id":3,"value":10}],"handling_time":[{"warehouse_id":3,"value":1}],
                     "name":"ignored"}
                    """))
            .readObject();

    @Test
    void aPriceAndStockChangeCarriesEveryKeyEmagWantsAndKeepsTheWarehouse() {
        JsonObject item = OfferSave.item(new OfferChange(7, "main", 1001, new BigDecimal("99.5"), 4), OFFER);

        assertThat(item.keySet())
                .containsExactlyInAnyOrder("id", "status", "sale_price", "vat_id", "stock", "handling_time");
        assertThat(item.getJsonNumber("sale_price").bigDecimalValue()).isEqualByComparingTo("99.5");
        assertThat(item.getInt("vat_id")).isEqualTo(2);
        JsonObject stock = item.getJsonArray("stock").getJsonObject(0);
        assertThat(stock.getInt("warehouse_id")).isEqualTo(3);
        assertThat(stock.getInt("value")).isEqualTo(4);
    }

    @Test
    void aStockOnlyChangeKeepsThePriceAndAPriceOnlyChangeKeepsTheStock() {
        JsonObject stockOnly = OfferSave.item(new OfferChange(8, "main", 1001, null, 0), OFFER);
        JsonObject priceOnly = OfferSave.item(new OfferChange(9, "main", 1001, new BigDecimal("50"), null), OFFER);

        assertThat(stockOnly.getString("sale_price")).isEqualTo("84.0336");
        assertThat(stockOnly.getJsonArray("stock").getJsonObject(0).getInt("value"))
                .isZero();
        assertThat(priceOnly.getJsonArray("stock")).isEqualTo(OFFER.getJsonArray("stock"));
    }
}
