-- Offers of each eMAG account as the product sync last read them, one row per (account, eMAG offer
-- id): a sync upserts, never duplicates. part_number is the seller's code, the catalogue's sku.
CREATE TABLE marketplace_offers (
    account         varchar(50)   NOT NULL REFERENCES marketplace_accounts (name) ON DELETE CASCADE,
    offer_id        bigint        NOT NULL,
    part_number     varchar(100),
    name            varchar(500),
    status          smallint,
    sale_price      numeric(14,4),
    min_sale_price  numeric(14,4),
    max_sale_price  numeric(14,4),
    vat_id          integer,
    general_stock   integer,
    payload         jsonb         NOT NULL,
    synced_at       timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (account, offer_id)
);
CREATE INDEX marketplace_offers_part_number ON marketplace_offers (part_number, account);

-- Price/stock changes to push to eMAG, from the API/console (source API) or copied from the
-- catalogue's catalog_changes (source CATALOG, at most once per account and catalogue change).
-- A change is pending until pushed_at (eMAG accepted the save that carried it) or error (eMAG
-- refused that offer); the push job sends pending changes in id order, so the newest wins.
CREATE TABLE marketplace_offer_changes (
    id                 bigserial     PRIMARY KEY,
    account            varchar(50)   NOT NULL REFERENCES marketplace_accounts (name) ON DELETE CASCADE,
    offer_id           bigint        NOT NULL,
    sale_price         numeric(14,4),
    stock              integer       CHECK (stock >= 0),
    source             varchar(8)    NOT NULL CHECK (source IN ('API', 'CATALOG')),
    catalog_change_id  bigint,
    requested_at       timestamptz   NOT NULL DEFAULT now(),
    pushed_at          timestamptz,
    push_execution     bigint,
    error              varchar(1000),
    CHECK (sale_price IS NOT NULL OR stock IS NOT NULL),
    UNIQUE (account, catalog_change_id)
);
CREATE INDEX marketplace_offer_changes_pending ON marketplace_offer_changes (account, id)
    WHERE pushed_at IS NULL AND error IS NULL;
CREATE INDEX marketplace_offer_changes_requested ON marketplace_offer_changes (requested_at);

-- Offers hourly at :23:19, pushes every 10 minutes at 07:53, 17:53, …, the sync-log clean-up daily
-- at 02:41:47, the health check every 15 minutes at 04:29, 19:29, …: off the round clock times.
INSERT INTO schedules (name, description, expression, task, parameters)
VALUES ('marketplace-product-sync', 'Read the offers of every enabled eMAG account (batch job per account)',
        '19 23 * * * *', 'marketplace-product-sync', ''),
       ('marketplace-offer-push', 'Push pending price/stock changes of every enabled eMAG account (batch job per account)',
        '53 7/10 * * * *', 'marketplace-offer-push', ''),
       ('marketplace-sync-log-cleanup', 'Delete marketplace runs and pushed offer changes older than N days',
        '47 41 2 * * *', 'marketplace-sync-log-cleanup', 'days=30'),
       ('marketplace-health-check', 'Fail when an enabled eMAG account''s health is below minHealth or its circuit is open',
        '29 4/15 * * * *', 'marketplace-health-check', 'minHealth=50');
