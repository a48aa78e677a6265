package ro.runner.imports.job;

import java.util.List;

/**
 * A record after validation: either a row to upsert or the reasons it was rejected. line is its
 * first physical line, lastLine its last (they differ for quoted newlines), offset the byte where
 * reading it began (blank lines before it included), nextOffset the byte where the next record
 * starts.
 */
record Checked(
        Target target,
        long line,
        long lastLine,
        long offset,
        long nextOffset,
        Record row,
        String attributes,
        List<Rejection> rejections) {}
