-- eMAG marketplace accounts. The password is stored encrypted (AES-GCM, key from the
-- runner.marketplace.key JVM option or RUNNER_MARKETPLACE_KEY) and never returned by the API.
-- order_watermark is the newest eMAG "modified" time seen (eMAG local time, no zone).
CREATE TABLE marketplace_accounts (
    name             varchar(50)   PRIMARY KEY CHECK (name ~ '^[a-z0-9-]{1,50}$'),
    type             varchar(8)    NOT NULL CHECK (type IN ('MAIN', 'FBE')),
    base_url         varchar(300)  NOT NULL,
    username         varchar(200)  NOT NULL,
    password_secret  varchar(1000) NOT NULL,
    enabled          boolean       NOT NULL DEFAULT true,
    order_watermark  timestamp,
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    version          integer       NOT NULL DEFAULT 0
);

-- Orders as read from eMAG, one row per (account, eMAG order id): a sync upserts, never duplicates.
-- acknowledged_at is set once eMAG accepted our acknowledgement (MAIN orders in status 1 only).
CREATE TABLE marketplace_orders (
    account          varchar(50)   NOT NULL REFERENCES marketplace_accounts (name) ON DELETE CASCADE,
    order_id         bigint        NOT NULL,
    type             smallint      NOT NULL,
    status           smallint      NOT NULL,
    modified         timestamp     NOT NULL,
    customer_name    varchar(300),
    payload          jsonb         NOT NULL,
    acknowledged_at  timestamptz,
    first_seen_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (account, order_id)
);
CREATE INDEX marketplace_orders_to_acknowledge ON marketplace_orders (account, order_id)
    WHERE status = 1 AND acknowledged_at IS NULL AND type <> 2;

-- The rate limiter every node shares: per account and route class the earliest time the next
-- request may leave. Slots sit on a grid of calendar seconds of the database clock: at most
-- `per_second` slots in each second, all in its first (1 - guard) part, so a request that arrives
-- late by less than the guard still counts in its own second at eMAG.
CREATE TABLE marketplace_rate_limits (
    account      varchar(50) NOT NULL,
    route_class  varchar(8)  NOT NULL CHECK (route_class IN ('ORDER', 'OTHER')),
    next_at      timestamptz NOT NULL,
    PRIMARY KEY (account, route_class)
);

-- Reserves the next slot (row lock for one call) and answers how many milliseconds to wait.
CREATE FUNCTION marketplace_take_slot(p_account varchar, p_class varchar, p_per_second integer,
                                      p_guard double precision)
RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE
    spacing double precision := (1 - p_guard) / p_per_second;
    t timestamptz;
    s timestamptz;
    k integer;
    slot timestamptz;
BEGIN
    INSERT INTO marketplace_rate_limits (account, route_class, next_at)
    VALUES (p_account, p_class, clock_timestamp())
    ON CONFLICT DO NOTHING;
    SELECT next_at INTO t FROM marketplace_rate_limits
     WHERE account = p_account AND route_class = p_class FOR UPDATE;
    t := GREATEST(t, clock_timestamp());
    s := date_trunc('second', t);
    -- less a little: next_at lies on a slot (rounded to microseconds), which must not be skipped
    k := ceil(EXTRACT(EPOCH FROM (t - s)) / spacing - 0.001);
    IF k >= p_per_second THEN
        s := s + interval '1 second';
        k := 0;
    END IF;
    slot := s + make_interval(secs => k * spacing);
    UPDATE marketplace_rate_limits SET next_at = slot + make_interval(secs => spacing)
     WHERE account = p_account AND route_class = p_class;
    RETURN GREATEST(0, EXTRACT(EPOCH FROM (slot - clock_timestamp())) * 1000);
END
$$;

-- Orders every 5 minutes at second 37 (01:37, 06:37, …); acknowledgements every 10 minutes at
-- 03:41, 13:41, …: off the round clock times every cron script uses.
INSERT INTO schedules (name, description, expression, task, parameters)
VALUES ('marketplace-order-sync', 'Read new and changed orders of every enabled eMAG account',
        '37 1/5 * * * *', 'marketplace-order-sync', 'overlapMinutes=10'),
       ('marketplace-order-acknowledge', 'Acknowledge stored eMAG orders still new (MAIN accounts only)',
        '41 3/10 * * * *', 'marketplace-order-acknowledge', '');
