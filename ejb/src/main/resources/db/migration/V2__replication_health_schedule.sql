-- Replication health every 5 minutes (at 2, 7, 12 … past the hour, second 41: off round times).
INSERT INTO schedules (name, description, expression, task)
VALUES ('replication-health', 'Record replication health; fail when a replica lags beyond the threshold or is missing',
        '41 2/5 * * * *', 'replication-health');
