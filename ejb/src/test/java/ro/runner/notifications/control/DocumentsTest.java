package ro.runner.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    @Test
    void theOrderPdfHasOnePageWithTheNumberTheLinesAndTheDiacriticsAsWritten() throws Exception {
        var order = Json.createObjectBuilder()
                .add("number", "R-2026-000123")
                .add("name", "Ștefan Țurcanu")
                .add("total", 219.8)
                .add("currency", "RON")
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", "Cazare în Brașov")
                                        .add("quantity", 1)
                                        .add("amount", 120)))
                .build();

        byte[] pdf = new Documents().orderPdf(order, new QrCodes().modules("R-2026-000123"));

        var reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1))
                .contains("Comanda R-2026-000123", "Ștefan Țurcanu", "Cazare în Brașov", "219.8 RON");
    }
}
