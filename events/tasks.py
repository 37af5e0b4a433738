from celery import shared_task

from .services.registration import pass_on_expired
from .services.reminders import send_reminders


@shared_task
def pass_on_expired_offers():
    """Periodic: offers not accepted in time pass to the next person waiting; unconfirmed holds end."""
    return pass_on_expired()


@shared_task
def remind_registrants():
    """Periodic: the day before an event, each confirmed registrant is reminded, once."""
    return send_reminders()
