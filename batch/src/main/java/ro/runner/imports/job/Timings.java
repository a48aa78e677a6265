package ro.runner.imports.job;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where a chunk step's writer spent its time, logged once when the step closes: between chunks
 * (reading the next chunk, the checkpoint and the commit), building and copying the rows, the
 * upsert, the other statements; and the writer thread's CPU time. One line per import that tells
 * whether the database or the application bounds it.
 */
final class Timings {

    static final int COPY = 0;
    static final int UPSERT = 1;
    static final int OTHER = 2;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] nanos = new long[3];
    private long chunks;
    private long items;
    private long between;
    private long started;
    private long cpuStarted;
    private long last;

    void open() {
        started = System.nanoTime();
        cpuStarted = cpu();
        last = 0;
    }

    /** A chunk starts: the time since the previous one ended was the runtime's and the reader's. */
    void chunk(int size) {
        long now = System.nanoTime();
        between += now - (last == 0 ? started : last);
        last = now;
        chunks++;
        items += size;
    }

    /** The part of the chunk that ran since the previous mark. */
    void mark(int part) {
        long now = System.nanoTime();
        nanos[part] += now - last;
        last = now;
    }

    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    @Override
    public String toString() {
        return String.format(
                "%d items in %d chunks, %.1f s: between chunks %.1f s, copy %.1f s, upsert %.1f s, other"
                        + " statements %.1f s; writer thread CPU %.1f s",
                items,
                chunks,
                (System.nanoTime() - started) / 1e9,
                between / 1e9,
                nanos[COPY] / 1e9,
                nanos[UPSERT] / 1e9,
                nanos[OTHER] / 1e9,
                (cpu() - cpuStarted) / 1e9);
    }
}
