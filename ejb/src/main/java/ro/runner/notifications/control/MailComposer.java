package ro.runner.notifications.control;

import com.google.zxing.common.BitMatrix;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import ro.runner.notifications.entity.Mail;

/**
 * Renders a notification's mail from its type and model. An order confirmation also carries the QR
 * code of the order number (inline in the HTML, cid:qr) and the order's PDF.
 */
@ApplicationScoped
public class MailComposer {

    public static final String ORDER_CONFIRMATION = "order-confirmation";
    public static final String SALE_NOTICE = "sale-notice";

    @Inject
    Templates templates;

    @Inject
    QrCodes qrCodes;

    @Inject
    Documents documents;

    public Mail compose(String type, JsonObject model) {
        String subject = templates.render(type, "subject", model).strip();
        String text = templates.render(type, "txt", model);
        String html = templates.render(type, "html", model);
        List<Mail.Attachment> attachments = new ArrayList<>();
        if (ORDER_CONFIRMATION.equals(type)) {
            String number = model.getString("number");
            BitMatrix qr = qrCodes.modules(number);
            attachments.add(new Mail.Attachment("qr-" + number + ".png", "image/png", "qr", qrCodes.png(qr, 240)));
            attachments.add(new Mail.Attachment(
                    "comanda-" + number + ".pdf", "application/pdf", null, documents.orderPdf(model, qr)));
        }
        return new Mail(subject, text, html, List.copyOf(attachments));
    }
}
