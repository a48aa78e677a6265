import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A read-heavy client: threads listing runs (the Runs page's query) for a number of seconds, each
 * as a different user without a write of its own. Prints requests, errors and latency percentiles.
 * Usage: java ReadLoad.java <base-url> <user> <password> <seconds> <threads>
 */
public class ReadLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        long end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        int threads = Integer.parseInt(args[4]);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        int[] errors = new int[1];
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            var worker = new Thread(() -> {
                var http = HttpClient.newHttpClient();
                while (System.nanoTime() < end) {
                    String query = ThreadLocalRandom.current().nextBoolean()
                            ? "/api/runs?size=20&page=" + ThreadLocalRandom.current().nextInt(5)
                            : "/api/runs?size=20&kind=MANUAL&name=bench";
                    var request = HttpRequest.newBuilder(URI.create(base + query)).header("Authorization", auth).GET().build();
                    long start = System.nanoTime();
                    try {
                        var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            synchronized (errors) { errors[0]++; }
                        }
                    } catch (Exception e) {
                        synchronized (errors) { errors[0]++; }
                    }
                    latencies.add(System.nanoTime() - start);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests=%d errors=%d p50_ms=%.1f p95_ms=%.1f%n", sorted.size(), errors[0],
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6);
    }
}
