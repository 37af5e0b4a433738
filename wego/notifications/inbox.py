"""A signed-in person's messages on the portal: the same notifications the outbox mails them."""

from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from wego.pagecache.versions import remembered

from .models import Notification


def recent(user, limit=20):
    return Notification.objects.filter(recipient=user)[:limit]


def mark_all_read(user):
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def unread_count(request):
    """Context processor: the unread count in the header, asked only when the header shows it, and
    counted once per change to the messages rather than on every page the person opens."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count():
        return Notification.objects.filter(recipient=user, read_at__isnull=True).count()

    return {
        "unread_notifications": SimpleLazyObject(
            lambda: remembered(("notifications",), f"unread-notifications:{user.pk}", count)
        )
    }
