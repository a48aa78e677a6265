/**
 * Catalogue imports: supplier CSV files (products, vehicles) submitted through the API or the
 * console, stored in the data folder and loaded by the restartable catalog-import batch job with
 * editable mapping profiles; progress, rejected lines and price/stock changes are kept in the
 * imports, import_errors and catalog_changes tables.
 */
package ro.runner.imports;
