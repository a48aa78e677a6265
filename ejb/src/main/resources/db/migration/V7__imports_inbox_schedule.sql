-- Inbox folder scan every 5 minutes (at 4, 9, 14 … past the hour, second 53: off round times and
-- off the other schedules). Files not named after a profile (products-…, vehicles_…) use 'profile';
-- a file changed in the last minAgeSeconds may still be being written and waits for the next scan.
INSERT INTO schedules (name, description, expression, task, parameters)
VALUES ('imports-inbox', 'Import supplier files dropped into the inbox folder, then file them under processed/ or failed/',
        '53 4/5 * * * *', 'imports-inbox', 'profile=products minAgeSeconds=10');
