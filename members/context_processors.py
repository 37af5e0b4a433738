from django.utils.functional import SimpleLazyObject

from wego.pagecache import content
from wego.pagecache.versions import remembered

from .models import RegionalOffice


def the_secretariat():
    return RegionalOffice.objects.filter(kind=RegionalOffice.Kind.SECRETARIAT).first()


def secretariat(request):
    """The Secretariat's contact details for the footer, as staff keep them in the admin: on every
    page, so kept under the layout's version rather than asked for each request."""
    return {
        "secretariat": SimpleLazyObject(
            lambda: remembered((content.LAYOUT,), "secretariat", the_secretariat)
        ),
    }
