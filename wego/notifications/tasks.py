from celery import shared_task

from . import delivery


@shared_task(bind=True, max_retries=8, acks_late=True)
def deliver(self, notification_id):
    """Send one outbox row. Idempotent: a row that is not pending is left alone."""
    try:
        return delivery.send(notification_id)
    except delivery.TransientFailure as failure:
        # Exponential backoff with jitter: about 30 s, 1 min, 2 min, ... up to an hour.
        countdown = min(3600, 30 * 2**self.request.retries)
        raise self.retry(exc=failure, countdown=countdown) from failure


@shared_task
def requeue_overdue():
    """Periodic: rows whose task was lost (broker down, worker killed) are handed out again."""
    ids = delivery.overdue()
    for notification_id in ids:
        deliver.delay(notification_id)
    return len(ids)
