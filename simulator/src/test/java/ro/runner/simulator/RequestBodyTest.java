package ro.runner.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestBodyTest {

    @Test
    void readsTopLevelFilters() {
        RequestBody body = RequestBody.parse("{\"status\":1,\"currentPage\":\"2\",\"itemsPerPage\":500}");
        assertThat(RequestBody.longValue(body.filters(), "status")).isEqualTo(1);
        assertThat(Paging.of(body.filters())).isEqualTo(new Paging(2, 100));
    }

    @Test
    void readsDataWrapperRawArrayAndPhpForm() {
        assertThat(RequestBody.parse("{\"data\":[{\"id\":1},{\"id\":2}]}").items())
                .hasSize(2);
        assertThat(RequestBody.parse("[{\"id\":1}]").items()).hasSize(1);
        assertThat(RequestBody.parse("{\"data\":{\"status\":2}}").filters().getString("status", null))
                .isNull();

        RequestBody form = RequestBody.parse(
                "data%5B0%5D%5Bid%5D=7&data[0][stock][0][value]=3&data[1][id]=8&data[0][sale_price]=12.5");
        assertThat(form.items()).hasSize(2);
        assertThat(RequestBody.longValue(form.items().get(0), "id")).isEqualTo(7);
        assertThat(RequestBody.decimal(form.items().get(0), "sale_price")).isEqualByComparingTo("12.5");
        assertThat(form.items().get(0).getJsonArray("stock").getJsonObject(0).getString("value"))
                .isEqualTo("3");
    }

    @Test
    void formFiltersWithoutData() {
        RequestBody form = RequestBody.parse("type=2&currentPage=3");
        assertThat(RequestBody.longValue(form.filters(), "type")).isEqualTo(2);
        assertThat(Paging.of(form.filters()).page()).isEqualTo(3);
    }
}
