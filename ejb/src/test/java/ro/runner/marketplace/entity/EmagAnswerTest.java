package ro.runner.marketplace.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmagAnswerTest {

    @Test
    void readsResultsAndIgnoresUnknownKeys() {
        var answer =
                EmagAnswer.parse("{\"isError\":false,\"messages\":[],\"results\":[{\"id\":\"12\",\"x\":1},{\"id\":13}],"
                        + "\"somethingNew\":{}}");

        assertThat(answer.isError()).isFalse();
        assertThat(answer.items()).hasSize(2);
        assertThat(EmagAnswer.decimal(answer.items().get(0), "id")).isEqualByComparingTo("12");
        assertThat(EmagAnswer.decimal(answer.items().get(1), "id")).isEqualByComparingTo("13");
    }

    @Test
    void countsComeAsStrings() {
        var answer = EmagAnswer.parse(
                "{\"isError\":false,\"results\":{\"noOfItems\":\"797\",\"noOfPages\":\"8\",\"itemsPerPage\":\"100\"}}");

        assertThat(answer.count()).isEqualTo(797);
    }

    @Test
    void messagesAreStringsOrObjectsAndIsErrorAnyTruthyValue() {
        var answer = EmagAnswer.parse(
                "{\"isError\":\"1\",\"messages\":[\"first\",{\"message\":\"second\",\"code\":7}],\"results\":[]}");

        assertThat(answer.isError()).isTrue();
        assertThat(answer.describe()).isEqualTo("first; second");
    }

    @Test
    void aRateLimitBodyHasAMessageOnly() {
        assertThat(EmagAnswer.parse("{\"message\":\"API rate limit exceeded\"}").describe())
                .isEqualTo("API rate limit exceeded");
    }

    @Test
    void aTruncatedBodyIsRefusedClearly() {
        assertThatThrownBy(() -> EmagAnswer.parse("{\"isError\":false,\"results\":[{\"id\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
    }
}
