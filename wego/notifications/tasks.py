from celery import shared_task

from . import delivery


@shared_task(acks_late=True)
def deliver(notification_id):
    """Send one outbox row. Idempotent: a row that is not pending is left alone.

    A transient failure is not retried here: the row records when to try next, and
    requeue_overdue() hands it out then, so there is one retry path and one schedule.
    """
    try:
        return delivery.send(notification_id)
    except delivery.TransientFailure:
        return False


@shared_task
def requeue_overdue():
    """Periodic: rows due for another attempt, or whose task was lost (broker down, worker killed)."""
    ids = delivery.overdue()
    for notification_id in ids:
        deliver.delay(notification_id)
    return len(ids)
