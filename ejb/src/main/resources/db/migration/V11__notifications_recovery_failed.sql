-- The notifications-recovery schedule also sends again FAILED rows whose retry was lost (no row in
-- message_retries long after their last attempt). bench/orders.sh used to end the mail it left
-- unsent as FAILED; those rows are DEAD now, as the bench leaves them from now on, so recovery does
-- not send them (an operator still can, with "retry all DEAD").
UPDATE schedules
SET description = 'Re-queue notifications stuck in QUEUED or SENDING, or FAILED with their retry lost, for longer than the given minutes'
WHERE name = 'notifications-recovery'
  AND description = 'Re-queue notifications stuck in QUEUED or SENDING for longer than the given minutes';

UPDATE notifications
SET status = 'DEAD'
WHERE status = 'FAILED'
  AND last_error = 'left unsent by bench/orders.sh';
