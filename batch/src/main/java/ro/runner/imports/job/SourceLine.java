package ro.runner.imports.job;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One record as the reader found it: its values by field (after the profile's mapping), the other
 * columns as a JSON object, or the rejections of a record that could not even be split.
 */
record SourceLine(
        Target target,
        long line,
        long nextOffset,
        Map<String, String> values,
        String attributes,
        List<Rejection> rejections,
        UnaryOperator<String> columnOf) {}
