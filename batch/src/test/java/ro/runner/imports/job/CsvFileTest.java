package ro.runner.imports.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path folder;

    @Test
    void quotedNewlinesJoinLinesAndBrokenQuotingStaysOnItsLine() throws Exception {
        var records = read(
                "h1;h2\n"
                        + "a;\"b\"\"c\"\n" // 2
                        + "d;\"broken \"quote\"\n" // 3
                        + "e;\"multi\nline\"\n" // 4-5
                        + "f;\"never closed\n" // 6
                        + "g;h\n", // 7
                StandardCharsets.UTF_8,
                ';');
        assertThat(records).extracting(CsvFile.Text::line).containsExactly(1L, 2L, 3L, 4L, 6L, 7L);
        assertThat(records.get(3).text()).isEqualTo("e;\"multi\nline\"");
        assertThat(CsvFields.split(records.get(1).text(), ';')).containsExactly("a", "b\"c");
        assertThat(CsvFields.split(records.get(3).text(), ';')).containsExactly("e", "multi\nline");
        assertThatThrownBy(() -> CsvFields.split(records.get(2).text(), ';'))
                .hasMessageContaining("text after a closing quote");
        assertThatThrownBy(() -> CsvFields.split(records.get(4).text(), ';')).hasMessageContaining("unterminated");
        assertThat(CsvFields.split(records.get(5).text(), ';')).containsExactly("g", "h");
    }

    @Test
    void restartsAtTheCheckpointOffsetAndSkipsAByteOrderMark() throws Exception {
        Path file = folder.resolve("bom.csv");
        Files.write(file, ("\uFEFFsku,name\r\nA,1\r\nB,\"2\r\n2\"\r\nC,3\r\n").getBytes(StandardCharsets.UTF_8));
        LinePosition after;
        try (var csv = new CsvFile(file, StandardCharsets.UTF_8, new LinePosition(0, 0))) {
            assertThat(csv.next().text()).isEqualTo("sku,name");
            csv.next();
            assertThat(csv.next().text()).isEqualTo("B,\"2\r\n2\"");
            after = new LinePosition(csv.line(), csv.offset());
        }
        assertThat(after.line()).isEqualTo(4);
        try (var csv = new CsvFile(file, StandardCharsets.UTF_8, after)) {
            var c = csv.next();
            assertThat(c.line()).isEqualTo(5);
            assertThat(c.text()).isEqualTo("C,3");
            assertThat(csv.next()).isNull();
        }
    }

    @Test
    void detectsTheSeparatorAndReadsNumbersEitherWay() {
        assertThat(CsvFields.detect("a;b;\"c,d\"")).isEqualTo(';');
        assertThat(CsvFields.detect("a,b,c")).isEqualTo(',');
        assertThat(Numbers.decimal("1.234,50")).isEqualByComparingTo("1234.50");
        assertThat(Numbers.decimal("1,234.50")).isEqualByComparingTo("1234.50");
        assertThat(Numbers.decimal("12,5")).isEqualByComparingTo("12.5");
        assertThat(Numbers.whole("1.500")).isEqualTo(1500);
        assertThat(Diacritics.commaBelow("ţeasă Ştefan")).isEqualTo("țeasă Ștefan");
    }

    private List<CsvFile.Text> read(String content, Charset charset, char separator) throws IOException {
        Path file = folder.resolve("in.csv");
        Files.writeString(file, content, charset);
        var records = new ArrayList<CsvFile.Text>();
        try (var csv = new CsvFile(file, charset, new LinePosition(0, 0))) {
            csv.separator(separator);
            for (var text = csv.next(); text != null; text = csv.next()) {
                records.add(text);
            }
        }
        return records;
    }
}
