-- Notifications (DESIGN.md §9): one row per message, written in the transaction that sends its JMS
-- message. idempotency_key makes queueing the same notification twice a no-op; model is what the
-- template is rendered from, so a resend renders the same mail.
CREATE TABLE notifications (
    id               bigserial     PRIMARY KEY,
    idempotency_key  varchar(200)  NOT NULL UNIQUE,
    type             varchar(40)   NOT NULL,
    recipient        varchar(254)  NOT NULL,
    priority         varchar(8)    NOT NULL CHECK (priority IN ('HIGH', 'DEFAULT', 'LOW')),
    status           varchar(8)    NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts         integer       NOT NULL DEFAULT 0,
    last_error       text,
    model            jsonb         NOT NULL,
    order_id         bigint        REFERENCES orders (id) ON DELETE SET NULL,
    subject          varchar(300),
    message_id       varchar(300),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    queued_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX notifications_status_queued ON notifications (status, queued_at);
CREATE INDEX notifications_created ON notifications (created_at DESC, id DESC);
CREATE INDEX notifications_order ON notifications (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX notifications_recipient ON notifications (recipient);

-- Every 5 minutes at second 37: rows QUEUED for longer than 10 minutes lost their message (a broker
-- wiped, a message removed by hand) and are sent to the queue again.
INSERT INTO schedules (name, description, expression, task, parameters)
VALUES ('notifications-recovery', 'Re-queue notifications stuck in QUEUED for longer than the given minutes',
        '37 */5 * * * *', 'notifications-recovery', 'olderThanMinutes=10');
