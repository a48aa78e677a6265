package ro.runner.imports.job;

/**
 * How much of the file one chunk takes: at most so many records and at most so many bytes of the
 * file, whichever is reached first (a record is never split: the one that passes the byte budget
 * still belongs to the chunk). The item count keeps round trips and commits few on files of short
 * lines; the byte budget keeps a chunk of long lines (up to {@link CsvFile#MAX_BYTES} each) from
 * filling the heap. The reader counts what it hands on, the checkpoint algorithm asks whether the
 * chunk is full and starts the next one.
 */
final class ChunkBudget {

    private final int items;
    private final long bytes;
    private long start;
    private long end;
    private int count;

    ChunkBudget(int items, long bytes, long offset) {
        if (items < 1 || bytes < 1) {
            throw new IllegalArgumentException("a chunk takes at least one record and one byte");
        }
        this.items = items;
        this.bytes = bytes;
        this.start = offset;
        this.end = offset;
    }

    /** A record was handed to the chunk; the next one starts at nextOffset. */
    void read(long nextOffset) {
        count++;
        end = nextOffset;
    }

    boolean full() {
        return count >= items || end - start >= bytes;
    }

    /** The next chunk starts after the records read so far. */
    void next() {
        start = end;
        count = 0;
    }
}
