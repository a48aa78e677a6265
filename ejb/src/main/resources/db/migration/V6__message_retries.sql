-- Retries of failed messages wait here until they are due; a dispatcher then sends them again.
-- The delay lives in the database, not in the broker: OpenMQ was seen to leave a message whose
-- delivery delay had expired undispatched to an idle consumer, and a row here also survives any
-- broker store loss. Written in the consumer's transaction, sent and deleted in one transaction.
CREATE TABLE message_retries (
    id          bigserial    PRIMARY KEY,
    destination varchar(200) NOT NULL,
    body        text         NOT NULL,
    type        varchar(200) NOT NULL,
    priority    integer      NOT NULL,
    attempt     integer      NOT NULL,
    due_at      timestamptz  NOT NULL
);
CREATE INDEX message_retries_due ON message_retries (due_at);
