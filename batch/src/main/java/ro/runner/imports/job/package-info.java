/**
 * The catalog-import batch job: supplier CSV files (products, vehicles) read as a stream with a
 * line/byte checkpoint, validated row by row, upserted a chunk at a time keyed by sku or VIN, every
 * rejected line recorded in import_errors.
 */
package ro.runner.imports.job;
