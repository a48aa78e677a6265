package ro.runner.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

class OfferRoutesTest {

    private final OrderFactory factory = new OrderFactory(7);
    private final Marketplace.Shop shop = new Marketplace.Shop(
            Account.parse("main:runner-main:secret:MAIN"),
            new ConcurrentSkipListMap<>(),
            new ConcurrentSkipListMap<>());

    @Test
    void aPriceSavedAsANumberIsKeptAsEmagAnswersMoneyAndNewOrdersStillUseTheOffer() {
        shop.offers().put(1000L, factory.offer(1000));
        BigDecimal price =
                RequestBody.decimal(shop.offers().get(1000L), "min_sale_price").add(BigDecimal.ONE);

        JsonObject answer = new OfferRoutes()
                .save(
                        shop,
                        RequestBody.parse("{\"data\":[{\"id\":1000,\"status\":1,\"sale_price\":" + price.toPlainString()
                                + ",\"vat_id\":1,\"handling_time\":[],\"stock\":[{\"warehouse_id\":1,\"value\":4}]}]}"),
                        false);

        assertThat(answer.getBoolean("isError")).as(answer.toString()).isFalse();
        JsonObject offer = shop.offers().get(1000L);
        assertThat(offer.get("sale_price")).isInstanceOf(JsonString.class);
        assertThat(new BigDecimal(offer.getString("sale_price"))).isEqualByComparingTo(price);
        assertThat(offer.getInt("general_stock")).isEqualTo(4);
        assertThat(factory.details(1, LocalDateTime.now(), List.of(offer)).toString())
                .contains(price.toPlainString());
    }
}
