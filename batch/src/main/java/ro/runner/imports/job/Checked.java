package ro.runner.imports.job;

import java.util.List;

/** A line after validation: either a row to upsert or the reasons it was rejected. */
record Checked(Target target, long line, long nextOffset, Record row, String attributes, List<Rejection> rejections) {}
