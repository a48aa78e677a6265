-- Token buckets of the public endpoints' rate limits (Bucket4j, select-for-update strategy): one row
-- per limit and client, so every node of a cluster counts against the same bucket.
CREATE TABLE rate_limit_buckets (
    id          varchar(300) PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
