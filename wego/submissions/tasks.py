from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from .models import FormSubmission

# A double click or a retried request comes within seconds or minutes; a week covers a page sent again
# from the browser's history too. A form sent again after that creates again.
KEPT_FOR = timedelta(days=7)


@shared_task
def forget_old_submissions():
    """Periodic: the tokens of submissions older than KEPT_FOR are deleted."""
    deleted, _ = FormSubmission.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
    return deleted
