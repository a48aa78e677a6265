-- Orders: a cart becomes a PENDING order at checkout; its status moves only along the transitions
-- the Order entity allows. An Idempotency-Key given at checkout is unique, so a retried checkout
-- finds the order it already made instead of making a second one.
CREATE TABLE orders (
    id               bigserial     PRIMARY KEY,
    number           varchar(40)   NOT NULL UNIQUE,
    status           varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'PAID', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'REFUNDED')),
    source           varchar(16)   NOT NULL CHECK (source IN ('CHECKOUT', 'MARKETPLACE')),
    customer_email   varchar(254)  NOT NULL,
    customer_name    varchar(200)  NOT NULL,
    currency         char(3)       NOT NULL,
    subtotal         numeric(12,2) NOT NULL CHECK (subtotal >= 0),
    discount         numeric(12,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    total            numeric(12,2) NOT NULL CHECK (total >= 0),
    promo_code       varchar(40),
    traffic_source   varchar(40),
    campaign         varchar(100),
    idempotency_key  varchar(100)  UNIQUE,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    paid_at          timestamptz,
    version          integer       NOT NULL DEFAULT 0
);
CREATE INDEX orders_created_at ON orders (created_at DESC, id DESC);
CREATE INDEX orders_status_created ON orders (status, created_at DESC);
CREATE INDEX orders_customer_email ON orders (lower(customer_email));

CREATE TABLE order_lines (
    id          bigserial     PRIMARY KEY,
    order_id    bigint        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position    integer       NOT NULL,
    sku         varchar(64)   NOT NULL,
    name        varchar(300)  NOT NULL,
    quantity    integer       NOT NULL CHECK (quantity > 0),
    unit_price  numeric(12,2) NOT NULL CHECK (unit_price >= 0),
    UNIQUE (order_id, position)
);

-- Promo codes: a percentage off, a use limit, a validity window. uses counts the orders that used it.
CREATE TABLE promo_codes (
    code         varchar(40)  PRIMARY KEY,
    percent_off  integer      NOT NULL CHECK (percent_off BETWEEN 1 AND 100),
    max_uses     integer,
    uses         integer      NOT NULL DEFAULT 0,
    valid_from   timestamptz  NOT NULL DEFAULT now(),
    valid_until  timestamptz,
    active       boolean      NOT NULL DEFAULT true
);
CREATE TABLE promo_code_usages (
    order_id    bigint       PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    code        varchar(40)  NOT NULL REFERENCES promo_codes (code),
    discount    numeric(12,2) NOT NULL,
    used_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX promo_code_usages_code ON promo_code_usages (code);

-- Tracking: the core customer, one row per e-mail (lower-cased), upserted race-safe by the consumer.
CREATE TABLE customers (
    id              bigserial     PRIMARY KEY,
    email           varchar(254)  NOT NULL UNIQUE,
    name            varchar(200)  NOT NULL,
    orders          integer       NOT NULL DEFAULT 0,
    revenue         numeric(14,2) NOT NULL DEFAULT 0,
    first_order_at  timestamptz,
    last_order_at   timestamptz
);
-- One row per (order, status) the tracking consumer handled: the idempotency key of its work.
CREATE TABLE order_tracking (
    order_id    bigint       NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status      varchar(16)  NOT NULL,
    customer_id bigint       REFERENCES customers (id),
    tracked_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, status)
);
-- The purchase conversion with its traffic source and campaign attribution, one per paid order.
CREATE TABLE conversions (
    order_id        bigint        PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    customer_id     bigint        NOT NULL REFERENCES customers (id),
    traffic_source  varchar(40)   NOT NULL,
    campaign        varchar(100),
    items           integer       NOT NULL,
    amount          numeric(12,2) NOT NULL,
    converted_at    timestamptz   NOT NULL
);
CREATE INDEX conversions_source ON conversions (traffic_source, converted_at);
-- Real-time counters per hour and status: orders, items and revenue.
CREATE TABLE order_counters_hourly (
    hour     timestamptz   NOT NULL,
    status   varchar(16)   NOT NULL,
    orders   integer       NOT NULL DEFAULT 0,
    items    integer       NOT NULL DEFAULT 0,
    revenue  numeric(14,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (hour, status)
);

-- A demo code for the console and the tests.
INSERT INTO promo_codes (code, percent_off, max_uses) VALUES ('WELCOME10', 10, NULL);
