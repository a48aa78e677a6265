/**
 * eMAG Marketplace: the seller's MAIN and FBE accounts, order sync by {@code modified} watermark,
 * acknowledgement of new orders once they are stored, under eMAG's rate limits (a token bucket in
 * the database that every node shares) with retries, timeouts and a circuit per account, so the
 * two accounts run and fail independently.
 */
package ro.runner.marketplace;
