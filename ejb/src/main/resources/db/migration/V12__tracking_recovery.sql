-- Every 5 minutes at second 47: an order that reached a tracked status more than 10 minutes ago and
-- has no tracking row for it lost its order-status message (dead-lettered, a broker store wiped);
-- the message is sent again. Orders created in the last 24 hours are looked at.
INSERT INTO schedules (name, description, expression, task, parameters)
VALUES ('tracking-recovery', 'Send again the order-status messages of orders left untracked for longer than the given minutes',
        '47 */5 * * * *', 'tracking-recovery', 'olderThanMinutes=10 withinHours=24');
