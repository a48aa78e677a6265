package ro.runner.runs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void storesTagsSortedAsSpaceSeparatedPairs() {
        assertThat(Tags.of("order", 42).and("account", "MAIN")).hasToString("account=MAIN order=42");
        assertThat(Tags.NONE).hasToString("");
    }

    @Test
    void refusesTokensThatWouldMakeTheStoredFormAmbiguous() {
        assertThatThrownBy(() -> Tags.of("order id", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tags.of("account", "MAIN FBE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tags.of("k", "a=b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilterTermIsOneKeyEqualsValue() {
        assertThat(Tags.term("order=42")).isEqualTo("order=42");
        assertThatThrownBy(() -> Tags.term("order")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> Tags.term("=42")).hasMessageContaining("key=value");
    }
}
