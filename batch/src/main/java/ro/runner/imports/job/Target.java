package ro.runner.imports.job;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a mapping profile imports into: the row type (whose components are the table's columns),
 * the table, its natural key and the columns whose changes the marketplace must hear about. The
 * statements are built from these once: the session's staging table a chunk is copied into (temporary,
 * emptied at every commit), and one statement per chunk that inserts or updates every staged row and
 * records the price/stock changes of rows that existed. The old values are looked up by key after
 * the upsert, in the same statement, whose snapshot still shows the rows as they were (PostgreSQL
 * documents that a WITH's sub-statements do not see one another's changes), and only for the rows
 * it updated: an updated row comes back with a non-zero xmax (the lock ON CONFLICT takes on the row
 * it updates), an inserted one with 0, so a first import makes no lookups at all (they were a tenth
 * of its time). One index probe per updated row: the LIMIT keeps the planner from scanning the
 * whole table for a hash join.
 * Partitions of one file run these at the same time: the rows go in key order, so two chunks that
 * share keys lock them in the same order and cannot deadlock, and a row written by this import is
 * updated only from the same or a later line of the file, so the later line of a key wins whichever
 * partition commits first (a chunk done again after a crash writes its own lines again).
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
    final String stage;
    final String createStage;
    final String upsert;

    Target(Class<? extends Record> row, String table, String key, List<String> tracked) {
        this.row = row;
        this.rows = new Rows(row);
        this.table = table;
        this.key = key;
        this.tracked = tracked;
        this.columns = rows.columns();
        String definition = " (" + columns.stream().map(c -> c + " text").collect(Collectors.joining(", "))
                + ", attributes text, line bigint) ON COMMIT DELETE ROWS";
        // named after its definition: a pooled session keeps the temporary table of an earlier
        // deployment, which a changed COPY would not fit
        this.stage = "catalog_import_" + table + "_" + Integer.toHexString(definition.hashCode());
        this.createStage = "CREATE TEMP TABLE IF NOT EXISTS " + stage + definition;
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
        return "WITH upserted AS (INSERT INTO " + table + " AS c (" + String.join(", ", columns)
                + ", attributes, import_id, import_line, updated_at) SELECT " + casts
                + "attributes::jsonb, ?, line, now() FROM " + stage + " ORDER BY " + key + " ON CONFLICT (" + key
                + ") DO UPDATE SET " + updates
                + ", attributes = excluded.attributes, import_id = excluded.import_id,"
                + " import_line = excluded.import_line, updated_at = excluded.updated_at"
                + " WHERE c.import_id IS DISTINCT FROM excluded.import_id OR c.import_line <= excluded.import_line"
                + " RETURNING c." + key + ", "
                + tracked.stream().map(c -> "c." + c).collect(Collectors.joining(", "))
                + ", c.xmax <> 0 AS updated) INSERT INTO catalog_changes (import_id, target, key, " + changeColumns
                + ") SELECT ?, '" + name() + "', u." + key + ", " + changeValues
                + " FROM upserted u CROSS JOIN LATERAL (SELECT "
                + tracked.stream().map(c -> "c." + c).collect(Collectors.joining(", ")) + " FROM " + table
                + " c WHERE c." + key + " = u." + key + " LIMIT 1) b WHERE u.updated AND (" + old
                + ") IS DISTINCT FROM (" + now + ")";
    }
}
