/**
 * Batch jobs of the marketplace: {@code marketplace-product-sync} reads an account's offers page by
 * page (checkpoint: the next page), {@code marketplace-offer-push} sends pending price/stock changes
 * 50 offers a request (checkpoint: the last change handled). Both go through the rate-limited
 * gateway, so the account's 3 requests/s hold whatever else runs.
 */
package ro.runner.marketplace.job;
