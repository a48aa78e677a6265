-- Failed promo-code validations per client, for the progressive delay after 5 of them (DESIGN §11).
-- A success or 15 minutes without a failure start the count again.
CREATE TABLE promo_failures (
    client           varchar(64)  PRIMARY KEY,
    failures         integer      NOT NULL,
    last_failure_at  timestamptz  NOT NULL
);
