package ro.runner.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogImportPartitionsTest {

    @TempDir
    Path folder;

    /**
     * Records with quoted newlines, broken quoting and blank lines everywhere: read partition by
     * partition, the file gives the same records, with the same line numbers, as read in one go.
     */
    @Test
    void partitionsTogetherReadEveryRecordOnceWhereverTheBoundariesFall() throws Exception {
        var text = new StringBuilder("sku;name\n");
        for (int i = 1; i <= 3_000; i++) {
            text.append(
                    switch (i % 7) {
                        case 0 -> "S" + i + ";\"two\nlines; and \"\"quotes\"\"\"\n";
                        case 3 -> "S" + i + ";\"broken \"quote\n";
                        case 5 -> "\n";
                        default -> "S" + i + ";plain " + i + "\n";
                    });
        }
        var file = folder.resolve("partitions.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        var input = new ImportFile(
                file,
                Target.PRODUCTS,
                StandardCharsets.UTF_8,
                ';',
                new String[] {"sku", "name"},
                new String[] {"sku", "name"},
                Map.of(),
                new LinePosition(1, "sku;name\n".length()));
        var whole = read(input, input.afterHeader(), Long.MAX_VALUE);

        for (int n : new int[] {2, 3, 7, 64}) {
            var starts = CatalogImportPartitions.boundaries(input, n, Files.size(file));
            assertThat(starts).hasSize(n);
            var together = new ArrayList<CsvFile.Text>();
            for (int i = 0; i < starts.size(); i++) {
                long end = i + 1 < starts.size() ? starts.get(i + 1).offset() : Long.MAX_VALUE;
                together.addAll(read(input, starts.get(i), end));
            }
            assertThat(together).as("%d partitions", n).containsExactlyElementsOf(whole);
        }
    }

    private static List<CsvFile.Text> read(ImportFile input, LinePosition from, long end) throws Exception {
        var records = new ArrayList<CsvFile.Text>();
        try (var csv = input.from(from)) {
            while (csv.offset() < end) {
                var record = csv.next();
                if (record == null) {
                    break;
                }
                records.add(record);
            }
        }
        return records;
    }
}
