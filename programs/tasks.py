from celery import shared_task

from .services.implementation import send_due_reminders


@shared_task
def remind_due_dates():
    """Periodic: remind the Project Implementer's projects of milestones and reports due or overdue."""
    return send_due_reminders()
