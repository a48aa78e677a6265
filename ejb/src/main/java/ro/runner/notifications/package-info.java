/**
 * Notifications: one row per mail, queued with its JMS message in one transaction, idempotent per
 * key; rendered from templates (HTML + text), with the QR code and the PDF of an order, sent through
 * the server's mail session; retried with a growing delay, DEAD after the limit, resent on demand,
 * and re-queued by a recovery schedule when a message was lost.
 */
package ro.runner.notifications;
