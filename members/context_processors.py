from django.utils.functional import SimpleLazyObject

from .offices import the_secretariat


def secretariat(request):
    """The Secretariat's contact details for the footer, as staff keep them in the admin."""
    return {"secretariat": SimpleLazyObject(the_secretariat)}
