package ro.runner.imports.job;

import java.util.List;

/**
 * A record after validation: either a row to upsert or the reasons it was rejected. line is its
 * first physical line, lastLine its last (they differ for quoted newlines), nextOffset the byte
 * where the next record starts.
 */
record Checked(
        Target target,
        long line,
        long lastLine,
        long nextOffset,
        Record row,
        String attributes,
        List<Rejection> rejections) {}
