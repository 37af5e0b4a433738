from django import template
from django.utils.html import format_html

from wego.pagecache.fragments import SUBMISSION, keeping, placeholder

from ..once import FIELD, token_for

register = template.Library()


@register.simple_tag(takes_context=True)
def submission_token(context, form=None):
    """The hidden token of a form that creates something (see wego/submissions/). Pass the form (or
    formset) so that, shown again with its errors, it keeps the token it was sent with. In a part
    kept for a person, a placeholder that each request fills with a new token."""
    token = placeholder(SUBMISSION) if keeping() else token_for(context.get("request"), form)
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, token)
