-- The notifications-recovery schedule also re-queues rows left SENDING (an attempt cut off whose
-- message went to the dead message queue).
UPDATE schedules
SET description = 'Re-queue notifications stuck in QUEUED or SENDING for longer than the given minutes'
WHERE name = 'notifications-recovery'
  AND description = 'Re-queue notifications stuck in QUEUED for longer than the given minutes';
