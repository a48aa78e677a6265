-- The run ledger: one row for every background execution (timer run, batch execution, message
-- handling attempt). Tags are space-separated key=value tokens ("order=42 account=MAIN") so a tag
-- filter is one indexed-free LIKE on a short column; lists page by started_at.
CREATE TABLE runs (
    id           bigserial    PRIMARY KEY,
    kind         varchar(16)  NOT NULL CHECK (kind IN ('TIMER', 'BATCH', 'MESSAGE', 'MANUAL')),
    name         varchar(200) NOT NULL,
    status       varchar(16)  NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD')),
    started_at   timestamptz  NOT NULL,
    ended_at     timestamptz,
    duration_ms  bigint,
    attempts     integer      NOT NULL DEFAULT 1,
    error        text,
    summary      varchar(1000),
    correlation  varchar(200),
    tags         varchar(1000) NOT NULL DEFAULT '',
    -- For a DEAD message: where it came from and its body, so an operator can send it again.
    destination  varchar(200),
    payload      text
);
CREATE INDEX runs_started_at ON runs (started_at DESC);
CREATE INDEX runs_kind_name_started ON runs (kind, name, started_at DESC);
CREATE INDEX runs_unfinished ON runs (status) WHERE status IN ('RUNNING', 'FAILED', 'DEAD');
CREATE INDEX runs_correlation ON runs (correlation) WHERE correlation IS NOT NULL;

-- Schedules: the source of truth for the persistent EJB calendar timers. expression uses the EJB
-- calendar syntax in six fields: second minute hour day-of-month month day-of-week.
-- task is "batch:<job-id>" (start that job with parameters) or the name of a scheduled task bean.
CREATE TABLE schedules (
    name         varchar(100)  PRIMARY KEY,
    description  varchar(500)  NOT NULL,
    expression   varchar(200)  NOT NULL,
    task         varchar(200)  NOT NULL,
    parameters   varchar(1000) NOT NULL DEFAULT '',
    enabled      boolean       NOT NULL DEFAULT true,
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    version      integer       NOT NULL DEFAULT 0
);
-- Daily at 03:17:23, off the round clock times every cron script in the world uses.
INSERT INTO schedules (name, description, expression, task, parameters)
VALUES ('runs-retention', 'Archive runs older than N days to a compressed CSV file and delete them',
        '23 17 3 * * *', 'batch:runs-retention', 'days=30');

-- Users of the console and the API; password_hash is a Jakarta Security PBKDF2 hash.
CREATE TABLE users (
    username      varchar(100) PRIMARY KEY,
    password_hash varchar(500) NOT NULL,
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE TABLE user_roles (
    username varchar(100) NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    role     varchar(20)  NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
    PRIMARY KEY (username, role)
);
