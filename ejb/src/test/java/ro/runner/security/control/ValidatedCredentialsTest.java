package ro.runner.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidatedCredentialsTest {

    @Test
    void aValidatedHeaderIsKnownUntilItExpiresAndOnlyThatHeader() throws Exception {
        var validated = new ValidatedCredentials();
        validated.keep("Basic YWRtaW46cw==", "admin", Set.of("admin"), Duration.ofMillis(300));

        assertThat(validated.find("Basic YWRtaW46cw==").caller()).isEqualTo("admin");
        assertThat(validated.find("Basic YWRtaW46dA==")).as("another password").isNull();
        Thread.sleep(400);
        assertThat(validated.find("Basic YWRtaW46cw==")).as("expired").isNull();
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        var validated = new ValidatedCredentials();
        validated.keep("Basic eDp5", "x", Set.of(), Duration.ZERO);

        assertThat(validated.find("Basic eDp5")).isNull();
    }
}
