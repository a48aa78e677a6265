/**
 * The data layer: the schema (Flyway migrations run on the primary at deploy), the two persistence
 * units ({@code primary} for writes, {@code replica} for lists and dashboards) and the health of
 * both databases.
 */
package ro.runner.data;
