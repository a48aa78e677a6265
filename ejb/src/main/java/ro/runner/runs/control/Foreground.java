package ro.runner.runs.control;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The API requests this server is answering right now, so that background work can give way to
 * them: a consumer about to take on its message waits, for a bounded time, while more than a given
 * number of requests are in flight. On a small machine the consumers' rendering, tracking and
 * two-phase commits share the cores and the transaction log with the requests; waiting a moment
 * lets a burst of payments through first, and the queue keeps the work meanwhile. Counted by the
 * web module's request filter; one count per server, which is what shares the cores.
 */
public final class Foreground {

    private static final AtomicInteger ACTIVE = new AtomicInteger();

    /** How often a waiting consumer looks at the count again. */
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private Foreground() {}

    public static void enter() {
        ACTIVE.incrementAndGet();
    }

    public static void exit() {
        ACTIVE.decrementAndGet();
    }

    public static int active() {
        return ACTIVE.get();
    }

    /**
     * Waits while more than {@code busy} requests are in flight, at most {@code maxWait} (zero: not at
     * all); how long it waited. Never longer: background work is slowed down under load, not stopped.
     */
    public static Duration giveWay(int busy, Duration maxWait) {
        if (maxWait.isZero() || ACTIVE.get() <= busy) {
            return Duration.ZERO;
        }
        long start = System.nanoTime();
        long end = start + maxWait.toNanos();
        while (ACTIVE.get() > busy && System.nanoTime() < end) {
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
