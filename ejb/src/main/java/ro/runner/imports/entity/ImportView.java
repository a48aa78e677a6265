package ro.runner.imports.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * One import as the API and the console show it: counters from the committed chunks, and speed and
 * ETA derived from them (bytes are the progress measure, since the line count of a file is unknown
 * until it has been read).
 */
public record ImportView(
        long id,
        String profile,
        String fileName,
        long sizeBytes,
        String options,
        Long executionId,
        String status,
        String exitStatus,
        long read,
        long written,
        long skipped,
        long lastLine,
        long bytesDone,
        Instant created,
        Instant started,
        Instant ended,
        double percent,
        double rowsPerSecond,
        Long etaSeconds) {

    public static ImportView of(
            long id,
            String profile,
            String fileName,
            long sizeBytes,
            String options,
            Long executionId,
            String status,
            String exitStatus,
            long read,
            long written,
            long skipped,
            long lastLine,
            long bytesDone,
            Instant created,
            Instant started,
            Instant ended) {
        double seconds = started == null
                ? 0
                : Duration.between(started, ended == null ? Instant.now() : ended)
                                .toMillis()
                        / 1000.0;
        double rate = seconds > 0 ? read / seconds : 0;
        double bytesRate = seconds > 0 ? bytesDone / seconds : 0;
        boolean running = "STARTED".equals(status);
        Long eta = running && bytesRate > 0 ? (long) Math.ceil((sizeBytes - bytesDone) / bytesRate) : null;
        double percent = "COMPLETED".equals(status) ? 100 : sizeBytes == 0 ? 0 : 100.0 * bytesDone / sizeBytes;
        return new ImportView(
                id,
                profile,
                fileName,
                sizeBytes,
                options,
                executionId,
                status,
                exitStatus,
                read,
                written,
                skipped,
                lastLine,
                bytesDone,
                created,
                started,
                ended,
                Math.round(percent * 10) / 10.0,
                Math.round(rate * 10) / 10.0,
                eta);
    }
}
