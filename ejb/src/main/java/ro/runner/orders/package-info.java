/**
 * Orders: checkout turns a cart into a PENDING order (idempotent per Idempotency-Key), payments and
 * status changes move it along the transitions the entity allows, and every change that matters to
 * tracking announces itself on the tracking queue in the same transaction. Promo codes are validated
 * and their use recorded with the order.
 */
package ro.runner.orders;
