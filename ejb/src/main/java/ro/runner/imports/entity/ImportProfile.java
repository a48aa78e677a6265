package ro.runner.imports.entity;

import java.util.Map;

/**
 * A mapping profile: which file column (header name, case-insensitive) feeds which field, the
 * separator (null = detected) and the encoding. Target is PRODUCTS or VEHICLES.
 */
public record ImportProfile(
        String name, String target, Map<String, String> columns, String separator, String encoding) {}
