-- The write workload beside the reads: background executions recording themselves in the ledger.
INSERT INTO runs (kind, name, status, started_at, ended_at, duration_ms, tags)
VALUES ('MANUAL', 'bench', 'SUCCEEDED', now(), now(), 1, 'bench=replication');
