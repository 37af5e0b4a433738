from django.utils.functional import SimpleLazyObject

from .models import RegionalOffice


def secretariat(request):
    """The Secretariat's contact details for the footer, as staff keep them in the admin."""
    return {
        "secretariat": SimpleLazyObject(
            lambda: RegionalOffice.objects.filter(kind=RegionalOffice.Kind.SECRETARIAT).first()
        ),
    }
