package ro.runner.data.control;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A read that callers asking at about the same time share, for a value that only grows (the
 * primary's WAL position): every caller gets the result of a read that started after it asked, so
 * the value is never older than the caller's own write. One read runs at a time; the callers that
 * ask meanwhile wait together for the next one, so under load one query answers many writes instead
 * of one each.
 */
public final class SharedRead<T> {

    private final Callable<T> read;
    private final Object lock = new Object();
    private final ReentrantLock reading = new ReentrantLock();

    /** The next read, not started yet: whoever asks now joins it. */
    private CompletableFuture<T> next;

    public SharedRead(Callable<T> read) {
        this.read = read;
    }

    public T get() {
        CompletableFuture<T> mine;
        boolean first;
        synchronized (lock) {
            first = next == null;
            if (first) {
                next = new CompletableFuture<>();
            }
            mine = next;
        }
        if (first) {
            reading.lock(); // the read before this one ends first; callers asking meanwhile join this one
            try {
                synchronized (lock) {
                    next = null; // closed: from here on a caller waits for a read that starts after it asked
                }
                mine.complete(read.call());
            } catch (Exception | Error e) {
                mine.completeExceptionally(e);
            } finally {
                reading.unlock();
            }
        }
        try {
            return mine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
