from django import template

from ..models.implementer import seoul_time

register = template.Library()


@register.filter
def in_seoul(moment):
    """A moment as the Secretariat reads it, in Seoul (the visitor's own zone is the script's)."""
    return seoul_time(moment) if moment else ""
