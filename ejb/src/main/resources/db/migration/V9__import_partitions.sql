-- Catalogue imports run as partitions (byte ranges of the file, each a chunk loop on a thread and
-- connection of its own). A key may appear in two partitions of one file; the line it came from
-- lets the later line win whichever partition writes first (the upsert updates a row of the same
-- import only from a line at or after the one that wrote it).
ALTER TABLE products ADD COLUMN import_line bigint;
ALTER TABLE vehicles ADD COLUMN import_line bigint;

-- An import's partitions, written once when the job first maps the file (a restart reuses them, so
-- it resumes the same ranges even on a machine with another number of processors), and how far each
-- has committed: next_offset/last_line advance in the transaction of each of its chunks. They are
-- the partition's checkpoint, and a chunk counts into the imports row only if it moves them forward,
-- so a chunk done again after a crash is never counted twice.
CREATE TABLE import_partitions (
    import_id    bigint  NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    partition_no integer NOT NULL,
    start_offset bigint  NOT NULL,
    start_line   bigint  NOT NULL,
    end_offset   bigint,
    next_offset  bigint  NOT NULL,
    last_line    bigint  NOT NULL,
    PRIMARY KEY (import_id, partition_no)
);
