"""Parts of a signed-in person's pages kept for that person, fresh as long as what they show is.

My WeGO's panels and a city's application page cost most of their time in queries and templates,
yet change only when the person's affiliations, applications, projects or messages do. A part
declares the kinds of content it shows (public and personal ones, wego/pagecache/content.py); it is
kept per person and language under their versions and the portal's, and rendered again after any
change to them. A form in a kept part gets the request's own CSRF token: the part is rendered with
a placeholder in its place. The test suite checks that a part reads only what its kinds name
(wego/pagecache/reads.py).
"""

from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import content, reads, versions

KEY = "pagecache:fragment:"
# Stands for the CSRF token in a kept part; letters only, so that escaping leaves it as it is.
CSRF_PLACEHOLDER = "keptfragmentcsrftokenplaceholder"


def kept_for_person(request, kinds, name, render):
    """The HTML `render(csrf_token)` returns, kept for request.user under the versions of `kinds`.
    `render` may depend on nothing but the person, the language, `name` (which carries whatever
    else it varies on) and those kinds of content."""
    kinds = frozenset(kinds) | {content.PORTAL}
    key = f"{KEY}{name}:{request.user.pk}:{get_language()}:{versions.signature(kinds)}"
    html = versions.get(key)
    if html is None:
        html = reads.computed(kinds, f"The kept part {name}", lambda: render(CSRF_PLACEHOLDER))
        versions.keep(key, html, settings.PAGE_CACHE_SECONDS)
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    # Rendered from the portal's own templates, which escaped what they show.
    return mark_safe(html)
