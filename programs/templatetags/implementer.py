from django import template

from ..models.implementer import seoul_time

register = template.Library()


@register.filter
def in_seoul(moment):
    """A moment as the Secretariat reads it, in Seoul (the visitor's own zone is the script's)."""
    return seoul_time(moment) if moment else ""


@register.filter
def with_id(address_of_0, pk):
    """An address reversed with 0 for an id (`{% url … 0 as x %}`), for the object `pk` instead: a
    partial shared by pages whose addresses differ (programs/partials/plan.html)."""
    head, zero, tail = str(address_of_0).rpartition("/0/")
    return f"{head}/{pk}/{tail}" if zero else address_of_0
