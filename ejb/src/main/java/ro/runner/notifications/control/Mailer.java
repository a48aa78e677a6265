package ro.runner.notifications.control;

import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import ro.runner.notifications.entity.Mail;

/**
 * Sends a rendered mail through the server's mail session (java:app/mail/runner). The Message-ID is
 * derived from the notification, so a mail sent twice after a crash is recognisable as one.
 *
 * <p>SMTP connections are kept open and reused, one at a time per sending thread: a new connection
 * per mail (Transport.send) halved what the SMTP server took per second. A connection that fails is
 * closed with every idle one (they are likely dead too) and the mail's attempt fails, to be retried
 * like any failure; one idle for a while is checked (NOOP) before it is used, one that sent {@value
 * #MAILS_PER_CONNECTION} mails is closed (relays limit mails per connection).
 */
@ApplicationScoped
public class Mailer {

    static final int MAILS_PER_CONNECTION = 100;
    private static final long CHECK_AFTER_IDLE_MILLIS = 2_000;
    private static final int MAX_IDLE_CONNECTIONS = 32;

    private record Connection(Transport transport, long idleSince, int sent) {}

    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>(MAX_IDLE_CONNECTIONS);

    @Resource(lookup = "java:app/mail/runner")
    Session session;

    /** Sends the mail and answers its Message-ID. */
    public String send(String messageId, String recipient, Mail mail) {
        MimeMessage message;
        try {
            message = message(messageId, recipient, mail);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the mail to " + recipient + ": " + e.getMessage(), e);
        }
        Connection connection = null;
        try {
            connection = connection();
            connection.transport().sendMessage(message, message.getAllRecipients());
            String id = message.getMessageID();
            release(connection);
            return id;
        } catch (MessagingException e) {
            if (connection != null) {
                close(connection.transport());
            }
            closeIdle();
            throw new IllegalStateException("sending to " + recipient + " failed: " + e.getMessage(), e);
        }
    }

    private MimeMessage message(String messageId, String recipient, Mail mail) throws MessagingException {
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
        return message;
    }

    private Connection connection() throws MessagingException {
        for (Connection pooled = idle.pollFirst(); pooled != null; pooled = idle.pollFirst()) {
            boolean fresh = System.currentTimeMillis() - pooled.idleSince() < CHECK_AFTER_IDLE_MILLIS;
            if (fresh || pooled.transport().isConnected()) {
                return pooled;
            }
            close(pooled.transport());
        }
        Transport transport = session.getTransport("smtp");
        transport.connect();
        return new Connection(transport, System.currentTimeMillis(), 0);
    }

    private void release(Connection used) {
        var again = new Connection(used.transport(), System.currentTimeMillis(), used.sent() + 1);
        if (again.sent() >= MAILS_PER_CONNECTION || !idle.offerFirst(again)) {
            close(used.transport());
        }
    }

    @PreDestroy
    void closeIdle() {
        for (Connection pooled = idle.pollFirst(); pooled != null; pooled = idle.pollFirst()) {
            close(pooled.transport());
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // a connection being dropped: nothing more to do with it
        }
    }
}
