package ro.runner.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void escapesTheFormatsSpecialCharactersAndWritesNullAsBackslashN() throws IOException {
        var text = new StringWriter();
        // read through a small buffer, so that rows are split across reads
        try (var reader = CopyText.of(List.of(
                new String[] {"a\tb", null, "line\nbreak\r", "back\\slash"}, new String[] {"ș", "", "x", "{}"}))) {
            char[] buffer = new char[3];
            for (int n; (n = reader.read(buffer, 0, buffer.length)) != -1; ) {
                text.write(buffer, 0, n);
            }
        }
        assertThat(text.toString()).isEqualTo("a\\tb\t\\N\tline\\nbreak\\r\tback\\\\slash\nș\t\tx\t{}\n");
    }
}
