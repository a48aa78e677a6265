package ro.runner.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void escapesTheFormatsSpecialCharactersAndWritesNullAsBackslashN() {
        byte[] text = CopyText.of(List.of(
                new String[] {"a\tb", null, "line\nbreak\r", "back\\slash"}, new String[] {"ș", "", "x", "{}"}));
        assertThat(new String(text, StandardCharsets.UTF_8))
                .isEqualTo("a\\tb\t\\N\tline\\nbreak\\r\tback\\\\slash\nș\t\tx\t{}\n");
    }
}
