/**
 * Order tracking: what an order's status change means beyond the payment (customer, conversion and
 * attribution, per-hour counters, the buyer's and seller's notifications), done off the request path
 * by the tracking queue's consumer, exactly once per (order, status).
 */
package ro.runner.tracking;
