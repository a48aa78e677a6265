package ro.runner.data.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedReadTest {

    @Test
    void everyCallerGetsAValueReadAfterItAsked() throws Exception {
        // the "position" grows with every write; a caller writes, then asks: its answer must be at
        // least the position its write reached
        var position = new AtomicLong();
        var reads = new AtomicInteger();
        var shared = new SharedRead<>(() -> {
            reads.incrementAndGet();
            long seen = position.get();
            Thread.sleep(2); // a query's round trip: callers pile up meanwhile
            return seen;
        });
        int callers = 16;
        int perCaller = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        var start = new CountDownLatch(1);
        var stale = new AtomicInteger();
        try {
            var done = new ArrayList<Future<?>>();
            for (int c = 0; c < callers; c++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perCaller; i++) {
                        long written = position.incrementAndGet();
                        if (shared.get() < written) {
                            stale.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stale).as("answers older than the caller's write").hasValue(0);
        assertThat(reads.get()).as("reads shared").isLessThan(callers * perCaller);
    }

    @Test
    void aFailedReadFailsItsCallersAndTheNextReadIsTriedAgain() {
        var calls = new AtomicInteger();
        var shared = new SharedRead<>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("primary down");
            }
            return 42L;
        });
        assertThatThrownBy(shared::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("primary down");
        assertThat(shared.get()).isEqualTo(42L);
    }

    @Test
    void anErrorInTheReadReachesItsCallerAsItIs() {
        var shared = new SharedRead<Long>(() -> {
            throw new OutOfMemoryError("test");
        });
        assertThatThrownBy(shared::get)
                .isExactlyInstanceOf(OutOfMemoryError.class)
                .hasMessage("test");
    }
}
