from celery import shared_task
from django.core.management import call_command


@shared_task
def clear_expired_sessions():
    """Periodic: sessions live in the database (see settings), and ended ones are removed daily."""
    call_command("clearsessions")
