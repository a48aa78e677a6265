package ro.runner.imports.job;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a mapping profile imports into: the row type (whose components are the table's columns),
 * the table, its natural key and the columns whose changes the marketplace must hear about. The
 * upsert is built from these once: one statement per chunk that inserts or updates every row and
 * records the price/stock changes of rows that existed.
 */
enum Target {
    PRODUCTS(ProductRow.class, "products", "sku", List.of("price", "sale_price", "stock")),
    VEHICLES(VehicleRow.class, "vehicles", "vin", List.of("price"));

    final Class<? extends Record> row;
    final Rows rows;
    final String table;
    final String key;
    final List<String> tracked;
    final List<String> columns;
    final String upsert;

    Target(Class<? extends Record> row, String table, String key, List<String> tracked) {
        this.row = row;
        this.rows = new Rows(row);
        this.table = table;
        this.key = key;
        this.tracked = tracked;
        this.columns = rows.columns();
        this.upsert = upsert();
    }

    private String upsert() {
        var types = Arrays.stream(rows.types())
                .map(c -> switch (c.getSimpleName()) {
                    case "BigDecimal" -> "::numeric";
                    case "Integer" -> "::integer";
                    default -> "";
                })
                .toList();
        String arrays = String.join(", ", java.util.Collections.nCopies(columns.size() + 1, "?::text[]"));
        var casts = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            casts.append(columns.get(i)).append(types.get(i)).append(", ");
        }
        String updates = columns.stream()
                .filter(c -> !c.equals(key))
                .map(c -> c + " = excluded." + c)
                .collect(Collectors.joining(", "));
        String old = tracked.stream().map(c -> "b." + c).collect(Collectors.joining(", "));
        String now = tracked.stream().map(c -> "u." + c).collect(Collectors.joining(", "));
        String changeColumns =
                tracked.stream().map(c -> "old_" + c + ", new_" + c).collect(Collectors.joining(", "));
        String changeValues = tracked.stream().map(c -> "b." + c + ", u." + c).collect(Collectors.joining(", "));
        return "WITH input AS (SELECT * FROM unnest(" + arrays + ") AS t(" + String.join(", ", columns)
                + ", attributes)), before AS (SELECT c." + key + ", "
                + tracked.stream().map(c -> "c." + c).collect(Collectors.joining(", "))
                + " FROM " + table + " c JOIN input i ON i." + key + " = c." + key + "), upserted AS (INSERT INTO "
                + table + " AS c (" + String.join(", ", columns) + ", attributes, import_id, updated_at) SELECT "
                + casts + "attributes::jsonb, ?, now() FROM input ON CONFLICT (" + key + ") DO UPDATE SET " + updates
                + ", attributes = excluded.attributes, import_id = excluded.import_id, updated_at = excluded.updated_at"
                + " RETURNING c." + key + ", "
                + tracked.stream().map(c -> "c." + c).collect(Collectors.joining(", "))
                + ") INSERT INTO catalog_changes (import_id, target, key, " + changeColumns + ") SELECT ?, '" + name()
                + "', u." + key + ", " + changeValues + " FROM upserted u JOIN before b ON b." + key + " = u." + key
                + " WHERE (" + old + ") IS DISTINCT FROM (" + now + ")";
    }
}
