import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The orders benchmark's client, one JVM with C threads instead of a process per request (on a
 * 2-core machine a bash and a curl per request took CPU from the server it measured):
 * <pre>
 *   java OrdersLoad.java checkout &lt;base-url&gt; &lt;tag&gt; &lt;count&gt; &lt;threads&gt; &lt;ids-file&gt;
 *       count PENDING orders, each from its own client address; their ids to ids-file
 *   java OrdersLoad.java pay &lt;base-url&gt; &lt;admin-password&gt; &lt;sync|async&gt; &lt;threads&gt; &lt;ids-file&gt;
 *       [latencies-file]
 *       pays the orders of ids-file, threads at a time; prints "p50 p99 seconds errors"
 *       (latencies in ms, seconds from the first request to the last answer); with latencies-file,
 *       appends each payment's latency in ms to it, one per line
 *   java OrdersLoad.java percentiles &lt;latencies-file&gt;
 *       prints "p50 p99 count" of the latencies appended to latencies-file (rounds pooled)
 * </pre>
 */
public class OrdersLoad {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "checkout" -> checkout(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            case "pay" -> pay(args[1], args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]), args.length > 6 ? Path.of(args[6]) : null);
            case "percentiles" -> percentiles(Path.of(args[1]));
            default -> throw new IllegalArgumentException("checkout, pay or percentiles, not " + args[0]);
        }
    }

    static void checkout(String base, String tag, int count, int threads, Path ids) throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var next = new AtomicInteger();
        var found = new ArrayList<String>();
        run(threads, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                var random = ThreadLocalRandom.current();
                String body = "{\"email\":\"bench-" + tag + "-" + i + "@example.ro\",\"name\":\"Bench Ș\",\"currency\":\"RON\","
                        + "\"trafficSource\":\"bench\",\"lines\":[{\"sku\":\"B\",\"name\":\"Bilet\",\"quantity\":2,\"unitPrice\":49.90}]}";
                var request = HttpRequest.newBuilder(URI.create(base + "/checkout"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "10." + random.nextInt(250) + "." + random.nextInt(250) + "." + (random.nextInt(250) + 1))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher id = ID.matcher(response.body());
                if (response.statusCode() / 100 != 2 || !id.find()) {
                    throw new IllegalStateException("checkout answered " + response.statusCode() + ": " + response.body());
                }
                synchronized (found) {
                    found.add(id.group(1));
                }
            }
            return null;
        });
        Files.write(ids, found);
    }

    /**
     * The payments are sent with HttpURLConnection, blocking, one kept-alive connection per client
     * thread: on this 2-core machine java.net.http.HttpClient (a selector thread, futures per
     * request) took about twice the client CPU per payment, CPU the measured server lost. Each thread
     * first opens its connection with a read of the first order (not measured), then all start
     * paying at once: the latencies are the payments', not the connections' setup.
     */
    static void pay(String base, String password, String mode, int threads, Path ids, Path latencyFile) throws Exception {
        System.setProperty("http.maxConnections", String.valueOf(threads)); // kept alive, one per thread
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        List<String> orders = Files.readAllLines(ids);
        long[] latencies = new long[orders.size()];
        var next = new AtomicInteger();
        var errors = new AtomicInteger();
        var connected = new CountDownLatch(threads);
        var started = new AtomicLong();
        run(threads, () -> {
            try {
                if (call("GET", base + "/orders/" + orders.get(0), auth) / 100 != 2) {
                    throw new IllegalStateException("GET " + base + "/orders/" + orders.get(0) + " failed");
                }
            } finally {
                connected.countDown(); // a thread that failed must not leave the others waiting
            }
            connected.await();
            started.compareAndSet(0, System.nanoTime());
            int i;
            while ((i = next.getAndIncrement()) < orders.size()) {
                long t0 = System.nanoTime();
                int status = call("POST", base + "/orders/" + orders.get(i) + "/payment?tracking=" + mode, auth);
                latencies[i] = System.nanoTime() - t0;
                if (status / 100 != 2) {
                    errors.incrementAndGet();
                }
            }
            return null;
        });
        long start = started.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (latencyFile != null) {
            var lines = new ArrayList<String>();
            for (long latency : latencies) {
                lines.add(String.format(Locale.ROOT, "%.3f", latency / 1e6));
            }
            Files.write(latencyFile, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        Arrays.sort(latencies);
        System.out.printf("%.1f %.1f %.2f %d%n", percentile(latencies, 50), percentile(latencies, 99), seconds, errors.get());
    }

    /** One request on the thread's kept-alive connection; its answer read to the end (so the connection is reused). */
    static int call(String method, String url, String auth) throws java.io.IOException {
        var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", auth);
        if (method.equals("POST")) {
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(0);
            connection.setDoOutput(true);
            connection.getOutputStream().close();
        }
        int status = connection.getResponseCode();
        try (var body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        return status;
    }

    static void percentiles(Path latencyFile) throws Exception {
        long[] latencies = Files.readAllLines(latencyFile).stream()
                .mapToLong(line -> Math.round(Double.parseDouble(line) * 1e6))
                .sorted()
                .toArray();
        System.out.printf("%.1f %.1f %d%n", percentile(latencies, 50), percentile(latencies, 99), latencies.length);
    }

    static double percentile(long[] sorted, int p) {
        int i = Math.max(1, (int) (sorted.length * p / 100.0)) - 1;
        return sorted[i] / 1e6;
    }

    static void run(int threads, java.util.concurrent.Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var running = new ArrayList<Future<Void>>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(work));
            }
            for (Future<Void> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
