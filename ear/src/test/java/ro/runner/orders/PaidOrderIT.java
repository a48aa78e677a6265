package ro.runner.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.runner.orders.OrdersIT.count;
import static ro.runner.orders.OrdersIT.placed;
import static ro.runner.orders.OrdersIT.post;
import static ro.runner.orders.OrdersIT.unique;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.ConsumersQuiet;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.SmtpSink;
import ro.runner.it.TestStack;

/**
 * Paying an order, end to end: the payment answers, the tracking consumer does its work exactly
 * once, and the buyer's confirmation arrives at the SMTP sink with a QR code that decodes to the
 * order number and a PDF that parses.
 */
@ExtendWith({ArquillianExtension.class, ConsumersQuiet.class})
class PaidOrderIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aPaidOrderIsTrackedOnceAndItsConfirmationArrivesWithQrAndPdf() throws Exception {
        String email = unique();
        long id = placed(email);
        String number = Json.object(OrdersIT.get("/api/orders/" + id).body()).getString("number");

        assertThat(post("/api/orders/" + id + "/payment", "").statusCode()).isEqualTo(200);
        assertThat(post("/api/orders/" + id + "/payment", "").statusCode()).isEqualTo(200);
        assertThat(post("/api/orders/" + id + "/status", "{\"status\":\"CONFIRMED\"}")
                        .statusCode())
                .isEqualTo(200);

        await("SELECT count(*) FROM notifications WHERE order_id = " + id + " AND status = 'SENT'", 2);
        await("SELECT count(*) FROM order_tracking WHERE order_id = " + id, 2);
        assertThat(count("SELECT count(*) FROM order_tracking WHERE order_id = " + id + " AND status = 'PAID'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM conversions WHERE order_id = " + id
                        + " AND traffic_source = 'google' AND campaign = 'toamna-2026' AND items = 3 AND amount = 250"))
                .isEqualTo(1);
        assertThat(count("SELECT orders FROM customers WHERE email = '" + email + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notifications WHERE order_id = " + id
                        + " AND message_id IS NOT NULL AND sent_at IS NOT NULL"))
                .isEqualTo(2);

        List<MimeMessage> inbox = SmtpSink.inbox(email);
        assertThat(inbox).hasSize(1);
        MimeMessage mail = inbox.get(0);
        assertThat(mail.getSubject()).isEqualTo("Comanda " + number + " a fost plătită — mulțumim, Ștefan Țurcanu!");
        List<Part> parts = new ArrayList<>();
        flatten(mail, parts);
        String text = null;
        byte[] png = null;
        byte[] pdf = null;
        for (Part part : parts) {
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("image/png")) {
                png = part.getInputStream().readAllBytes();
            } else if (part.isMimeType("application/pdf")) {
                pdf = part.getInputStream().readAllBytes();
            }
        }
        assertThat(text).contains("Bună ziua, Ștefan Țurcanu", "Tricou mărimea M", "Cană");
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var decoded = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        assertThat(decoded.getText()).isEqualTo(number);
        var reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains(number, "Ștefan Țurcanu");
    }

    private static void flatten(Part part, List<Part> into) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                flatten(child, into);
            }
        } else {
            into.add(part);
        }
    }

    static void await(String countSql, long expected) throws Exception {
        TestStack.awaitCount(countSql, expected, Duration.ofSeconds(60));
    }
}
