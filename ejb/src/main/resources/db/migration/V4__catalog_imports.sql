-- Catalogue imports (issue 5): supplier files loaded by the catalog-import batch job.

-- Products keyed by sku: an import upserts, so re-importing a file updates rows and never adds any.
CREATE TABLE products (
    id          bigserial     PRIMARY KEY,
    sku         varchar(64)   NOT NULL UNIQUE,
    name        varchar(500)  NOT NULL,
    brand       varchar(200),
    category    varchar(300),
    price       numeric(12,2) NOT NULL,
    sale_price  numeric(12,2),
    stock       integer,
    vat         numeric(5,2),
    ean         varchar(14),
    attributes  jsonb         NOT NULL DEFAULT '{}',
    import_id   bigint,
    updated_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX products_brand ON products (brand);
CREATE INDEX products_category ON products (category);

-- Vehicles keyed by VIN.
CREATE TABLE vehicles (
    id          bigserial     PRIMARY KEY,
    vin         varchar(17)   NOT NULL UNIQUE,
    make        varchar(100)  NOT NULL,
    model       varchar(200)  NOT NULL,
    year        integer,
    mileage     integer,
    fuel        varchar(50),
    price       numeric(12,2),
    dealer      varchar(200),
    attributes  jsonb         NOT NULL DEFAULT '{}',
    import_id   bigint,
    updated_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX vehicles_make_model ON vehicles (make, model);

-- Mapping profiles, editable: which file column feeds which field ({"Cod produs": "sku", ...};
-- header names match case-insensitively; columns not mapped go to attributes), the separator
-- (NULL = detected from the header) and the file's encoding.
CREATE TABLE import_profiles (
    name        varchar(100)  PRIMARY KEY,
    target      varchar(16)   NOT NULL CHECK (target IN ('PRODUCTS', 'VEHICLES')),
    columns     jsonb         NOT NULL,
    separator   char(1)       CHECK (separator IN (',', ';')),
    encoding    varchar(20)   NOT NULL DEFAULT 'UTF-8' CHECK (encoding IN ('UTF-8', 'windows-1250', 'ISO-8859-2')),
    updated_at  timestamptz   NOT NULL DEFAULT now()
);
INSERT INTO import_profiles (name, target, columns) VALUES
    ('products', 'PRODUCTS', '{"sku":"sku","name":"name","brand":"brand","category":"category","price":"price",
      "sale_price":"sale_price","stock":"stock","vat":"vat","ean":"ean"}'),
    ('vehicles', 'VEHICLES', '{"vin":"vin","make":"make","model":"model","year":"year","mileage":"mileage",
      "fuel":"fuel","price":"price","dealer":"dealer"}');

-- One row per submitted file. execution_id is the latest job execution (a restart replaces it);
-- the counters and last_line/bytes_done advance in the same transaction as each chunk, so they are
-- exact after a stop, a crash or a restart.
CREATE TABLE imports (
    id            bigserial     PRIMARY KEY,
    profile       varchar(100)  NOT NULL REFERENCES import_profiles (name),
    file_name     varchar(500)  NOT NULL,
    file_path     varchar(1000) NOT NULL,
    size_bytes    bigint        NOT NULL,
    options       varchar(1000) NOT NULL DEFAULT '',
    execution_id  bigint,
    status        varchar(16)   NOT NULL DEFAULT 'SUBMITTED',
    exit_status   varchar(1000),
    read_count    bigint        NOT NULL DEFAULT 0,
    written_count bigint        NOT NULL DEFAULT 0,
    skipped_count bigint        NOT NULL DEFAULT 0,
    last_line     bigint        NOT NULL DEFAULT 0,
    bytes_done    bigint        NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    started_at    timestamptz,
    ended_at      timestamptz
);
CREATE INDEX imports_created ON imports (created_at DESC);

-- Rejected lines: one row per problem (a line may have several), unique so a re-processed chunk
-- never reports a problem twice.
CREATE TABLE import_errors (
    import_id    bigint        NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    line_number  bigint        NOT NULL,
    column_name  varchar(200)  NOT NULL DEFAULT '',
    value        varchar(1000),
    reason       varchar(500)  NOT NULL,
    PRIMARY KEY (import_id, line_number, column_name)
);

-- Price/stock changes of existing rows, for the marketplace capability to push (pushed_at set by it).
CREATE TABLE catalog_changes (
    id              bigserial     PRIMARY KEY,
    import_id       bigint        NOT NULL,
    target          varchar(16)   NOT NULL,
    key             varchar(64)   NOT NULL,
    old_price       numeric(12,2),
    new_price       numeric(12,2),
    old_sale_price  numeric(12,2),
    new_sale_price  numeric(12,2),
    old_stock       integer,
    new_stock       integer,
    changed_at      timestamptz   NOT NULL DEFAULT now(),
    pushed_at       timestamptz
);
CREATE INDEX catalog_changes_unpushed ON catalog_changes (id) WHERE pushed_at IS NULL;
