package ro.runner.imports.job;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Produces items on a thread of its own (from the server's managed thread factory), up to a bounded
 * number ahead of the consumer, so that producing (reading and parsing a file) overlaps consuming
 * (writing to the database). Items arrive in order; a failure of the producer is thrown to the
 * consumer at the point it happened. Closing stops the producer and drops what it read ahead.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Where the items come from; null at the end. */
    interface Source<T> {
        T next() throws Exception;
    }

    private record Failure(Throwable error) {}

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long cpuNanos;
    private volatile long waitNanos;
    private boolean ended;

    ReadAhead(ThreadFactory threads, int capacity, Source<T> source) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = threads.newThread(() -> produce(source));
        thread.setName("catalog-import-read-ahead");
        thread.start();
    }

    private void produce(Source<T> source) {
        var threads = ManagementFactory.getThreadMXBean();
        try {
            while (!closed) {
                T item = source.next();
                queue.put(item == null ? END : item);
                if (item == null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            if (!closed) {
                try {
                    queue.put(new Failure(e));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            if (threads.isCurrentThreadCpuTimeSupported()) {
                cpuNanos = threads.getCurrentThreadCpuTime();
            }
        }
    }

    /** The producer thread's CPU time, once it has ended (0 before). */
    long producerCpuNanos() {
        return cpuNanos;
    }

    /** How long the consumer waited for items that were not there yet. */
    long consumerWaitNanos() {
        return waitNanos;
    }

    /** The next item in order, or null at the end. */
    @SuppressWarnings("unchecked")
    T next() throws Exception {
        if (ended) {
            return null;
        }
        Object item = queue.poll();
        if (item == null) {
            long waiting = System.nanoTime();
            item = queue.take();
            waitNanos += System.nanoTime() - waiting;
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure failure) {
            ended = true;
            if (failure.error() instanceof Exception e) {
                throw e;
            }
            throw (Error) failure.error();
        }
        return (T) item;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        queue.clear();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
