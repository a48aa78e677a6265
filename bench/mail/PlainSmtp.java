import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.FileInputStream;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of bench/mail.sh: a plain Jakarta Mail send of one mail the server rendered (its raw
 * MIME, QR and PDF included), M times from T threads, with no rendering, no database and no JMS.
 * Usage: java -cp <jakarta.mail + angus> PlainSmtp.java <mime-file> <port> <mails> <threads>
 * new|reuse ("new": Transport.send, a connection per mail; "reuse": one connected Transport per
 * thread). Prints the mails/s.
 */
public class PlainSmtp {

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", args[1]);
        Session session = Session.getInstance(properties);
        MimeMessage message;
        try (var in = new FileInputStream(args[0])) {
            message = new MimeMessage(session, in);
        }
        int mails = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        boolean reuse = "reuse".equals(args[4]);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                Transport transport = reuse ? session.getTransport("smtp") : null;
                try {
                    if (reuse) {
                        transport.connect();
                    }
                    for (int i = next.getAndIncrement(); i < mails; i = next.getAndIncrement()) {
                        Address[] to = {new InternetAddress("plain-" + args[4] + "-" + i + "@example.ro")};
                        if (reuse) {
                            transport.sendMessage(message, to);
                        } else {
                            Transport.send(message, to);
                        }
                    }
                    if (reuse) {
                        transport.close();
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(1);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.1f%n", mails / seconds);
    }
}
