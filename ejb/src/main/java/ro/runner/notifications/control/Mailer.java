package ro.runner.notifications.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import ro.runner.notifications.entity.Mail;

/**
 * Sends a rendered mail through the server's mail session (java:app/mail/runner). The Message-ID is
 * derived from the notification, so a mail sent twice after a crash is recognisable as one.
 */
@ApplicationScoped
public class Mailer {

    @Resource(lookup = "java:app/mail/runner")
    Session session;

    /** Sends the mail and answers its Message-ID. */
    public String send(String messageId, String recipient, Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            var alternative = new MimeMultipart("alternative");
            var text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            var html = new MimeBodyPart();
            html.setContent(mail.html(), "text/html; charset=UTF-8");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            var bodies = new MimeBodyPart();
            bodies.setContent(alternative);
            var mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(bodies);
            for (Mail.Attachment attachment : mail.attachments()) {
                var part = new MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                        new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                part.setFileName(attachment.fileName());
                if (attachment.contentId() != null) {
                    part.setContentID("<" + attachment.contentId() + ">");
                }
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
            message.saveChanges();
            Transport.send(message);
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException("sending to " + recipient + " failed: " + e.getMessage(), e);
        }
    }
}
