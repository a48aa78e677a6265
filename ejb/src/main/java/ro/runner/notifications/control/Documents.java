package ro.runner.notifications.control;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The PDF of an order (OpenPDF): number, QR code, lines and total. Liberation Sans is embedded as
 * Identity-H, so ă, â, î, ș and ț print as written. The QR code goes in as raw 1-bit rows drawn from
 * its modules: decoding a PNG for every PDF took half of the PDF's time.
 */
@ApplicationScoped
public class Documents {

    private volatile BaseFont font;

    /** Pixels per QR module in the PDF's image: sharp at any zoom, a few hundred bytes. */
    private static final int QR_SCALE = 4;

    public byte[] orderPdf(JsonObject order, BitMatrix qrModules) {
        try {
            var pdf = new ByteArrayOutputStream();
            var document = new Document(PageSize.A4, 48, 48, 48, 48);
            PdfWriter.getInstance(document, pdf);
            document.open();
            Font title = new Font(font(), 18, Font.BOLD);
            Font body = new Font(font(), 11);
            document.add(new Paragraph("Comanda " + order.getString("number"), title));
            document.add(new Paragraph("Client: " + order.getString("name", ""), body));
            int qrSize = qrModules.getWidth() * QR_SCALE;
            Image qr = Image.getInstance(qrSize, qrSize, 1, 1, QrCodes.rows(qrModules, QR_SCALE));
            qr.scaleAbsolute(120, 120);
            document.add(qr);
            PdfPTable lines = new PdfPTable(new float[] {5, 1, 2});
            lines.setWidthPercentage(100);
            lines.addCell(new Paragraph("Produs", body));
            lines.addCell(new Paragraph("Cant.", body));
            lines.addCell(new Paragraph("Preț", body));
            for (JsonValue value : order.getJsonArray("lines")) {
                JsonObject line = value.asJsonObject();
                lines.addCell(new Paragraph(line.getString("name"), body));
                lines.addCell(new Paragraph(line.get("quantity").toString(), body));
                lines.addCell(new Paragraph(line.get("amount").toString(), body));
            }
            document.add(lines);
            document.add(new Paragraph("Total: " + order.get("total") + " " + order.getString("currency", ""), title));
            document.close();
            return pdf.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot make the PDF of order " + order.getString("number", "?"), e);
        }
    }

    private BaseFont font() throws IOException {
        if (font == null) {
            font = BaseFont.createFont(
                    "liberation/LiberationSans-Regular.ttf",
                    BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED,
                    true,
                    read("liberation/LiberationSans-Regular.ttf"),
                    null);
        }
        return font;
    }

    private static byte[] read(String resource) throws IOException {
        try (var in = Documents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no font " + resource + " on the class path");
            }
            return in.readAllBytes();
        }
    }
}
