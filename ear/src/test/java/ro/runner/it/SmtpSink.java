package ro.runner.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The test stack's SMTP sink (GreenMail) as a test reads it: the mails a mailbox received, parsed
 * as MIME messages, through GreenMail's REST API; stop and start through server-config/smtp/smtp.sh.
 */
public final class SmtpSink {

    private static final Session SESSION = Session.getInstance(new Properties());

    private SmtpSink() {}

    public static List<MimeMessage> inbox(String email) {
        var response =
                TestStack.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TestStack.get("SMTP_API_PORT")
                                + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX"))
                        .GET()
                        .build());
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("smtp sink answered " + response.statusCode() + ": " + response.body());
        }
        JsonArray mails = (JsonArray) Json.any(response.body());
        return mails.stream()
                .map(m -> parse(((JsonObject) m).getString("mimeMessage")))
                .toList();
    }

    public static void script(String command) {
        String profile = System.getProperty("runner.profile", "test");
        try {
            Process process = new ProcessBuilder(
                            "bash",
                            TestStack.root()
                                    .resolve("server-config/smtp/smtp.sh")
                                    .toString(),
                            profile,
                            command)
                    .inheritIO()
                    .start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("smtp.sh " + command + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage parse(String raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
