from django.utils.functional import SimpleLazyObject

from wego.notifications.models import Notification

from .models import RegionalOffice


def secretariat(request):
    """The Secretariat's contact details for the footer, as staff keep them in the admin."""
    return {
        "secretariat": SimpleLazyObject(
            lambda: RegionalOffice.objects.filter(kind=RegionalOffice.Kind.SECRETARIAT).first()
        ),
    }


def unread_notifications(request):
    """The unread count in the header, asked only when the header shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        )
    }
