package ro.runner.imports.entity;

/** One rejected line (or column of a line) of an import. */
public record ImportError(long line, String column, String value, String reason) {}
