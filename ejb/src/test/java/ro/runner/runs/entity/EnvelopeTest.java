package ro.runner.runs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    @Test
    void survivesTheRoundTripThroughJsonWithDiacritics() {
        var sent = Envelope.of(
                "order-paid",
                Json.createObjectBuilder().add("city", "Timișoara").build());

        var received = Envelope.parse(sent.toJson());

        assertThat(received).isEqualTo(sent);
        assertThat(received.payload().getString("city")).isEqualTo("Timișoara");
        assertThat(received.version()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotAnEnvelopeIsAClearError() {
        assertThatThrownBy(() -> Envelope.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.parse("{\"version\":1,\"id\":\"x\"}")).hasMessageContaining("type");
        assertThatThrownBy(() -> Envelope.parse("{\"type\":\"t\",\"version\":1,\"id\":\"x\",\"payload\":[1]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
