"""Parts of pages kept as long as what they show is: for a signed-in person, parts of their own
pages; for everyone, parts of a public page that other content changes more often (the sections of
an organisation's page, which stay when an event of someone else's is published).

My WeGO's panels and a city's application page cost most of their time in queries and templates,
yet change only when the person's affiliations, applications, projects or messages do. A part
declares the kinds of content it shows (public and personal ones, wego/pagecache/content.py); it is
kept per person and language under their versions and the portal's, and rendered again after any
change to them. A whole page may be kept the same way (render_kept_for_person).

What is the request's own is never kept: a form in a kept part is rendered with placeholders for
the request's CSRF token and for the submission token of a form that creates something (each
showing of such a form needs a new one, wego/submissions/), filled in on every request. A page with
a message waiting is rendered as it is, the message shown once. The test suite checks that a part
reads only what its kinds name (wego/pagecache/reads.py).
"""

import contextvars
import functools
import hashlib
import hmac

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wego.submissions.once import new_token

from . import content, reads, versions

KEY = "pagecache:fragment:"


@functools.cache
def placeholder(purpose):
    """Stands for one of the request's tokens in a kept part: letters and digits, which escaping
    leaves as they are; the same in every process (kept parts are shared through Redis), and not to
    be guessed, so that a person who types it in a message gets their text back, not a token. Made
    at first use, not at import: commands that need no secret key (migrations) import this too."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"kept-part:{purpose}".encode(), hashlib.sha256)
    return f"kept{purpose}{digest.hexdigest()[:32]}"


# What each placeholder stands for.
CSRF = "csrf"
SUBMISSION = "submission"
# True while a part is rendered to be kept: its tokens are placeholders then, and a part kept within
# it (a panel of a page kept whole) leaves them for the outermost part to fill in.
_keeping = contextvars.ContextVar("keeping", default=False)


def keeping():
    """Whether what is being rendered now is to be kept (and its tokens must be placeholders)."""
    return _keeping.get()


def kept(kinds, name, whose, render):
    """The HTML `render()` returns, kept for `whose` (a person's key, or everyone) and the language
    under the versions of `kinds` and the portal's."""
    kinds = frozenset(kinds) | {content.PORTAL}
    key = f"{KEY}{name}:{whose}:{get_language()}:{versions.signature(kinds)}"
    html = versions.get(key)
    if html is None:
        started = _keeping.set(True)
        try:
            html = reads.computed(kinds, f"The kept part {name}", render)
        finally:
            _keeping.reset(started)
        versions.keep(key, html, settings.PAGE_CACHE_SECONDS)
    return html


def kept_for_person(request, kinds, name, render):
    """The HTML `render(csrf_token)` returns, kept for request.user under the versions of `kinds`.
    `render` may depend on nothing but the person, the language, `name` (which carries whatever
    else it varies on) and those kinds of content."""
    outermost = not keeping()
    html = kept(kinds, name, request.user.pk, lambda: render(placeholder(CSRF)))
    # Rendered from the portal's own templates, which escaped what they show.
    return mark_safe(filled(request, html) if outermost else html)


def kept_for_everyone(kinds, name, render):
    """The HTML `render(csrf_token)` returns, the same for every visitor and person: kept under the
    versions of `kinds` and the language only. `render` may depend on nothing else but `name` (which
    carries what else it varies on, an organisation's key). It may hold no form that needs a token:
    one kept would carry nobody's, or the first visitor's, so it is refused when first rendered."""

    def render_without_tokens():
        html = render(placeholder(CSRF))
        if placeholder(CSRF) in html or placeholder(SUBMISSION) in html:
            raise ImproperlyConfigured(f"The part {name} is kept for everyone but holds a form with a token.")
        return html

    return mark_safe(kept(kinds, name, "everyone", render_without_tokens))


def filled(request, html):
    """Kept HTML with the request's own tokens in place of the placeholders."""
    if placeholder(CSRF) in html:
        html = html.replace(placeholder(CSRF), get_token(request))
    while placeholder(SUBMISSION) in html:
        html = html.replace(placeholder(SUBMISSION), new_token(), 1)
    return html


def render_kept_for_person(request, template_name, context, kinds):
    """render() for a signed-in person's page (a GET that answers 200), kept whole for them under the
    versions of `kinds`, which must name everything the page shows, its layout included.

    `context()` makes the template's context; it is called only when the page is rendered again,
    and may raise Http404: the decision to show the person the page is kept with it, which holds as
    long as it reads nothing but what `kinds` name (checked with everything else the page reads).
    The page is kept per path (the language links and the current item of the menu depend on it)."""
    # A message is shown once, so a page with one is never kept (len() reads them without using them);
    # nor is one asked with a query string, which anyone may vary to fill the cache.
    if request.method not in ("GET", "HEAD") or request.GET or get_messages(request):
        return render(request, template_name, context())
    address = hashlib.sha256(request.path.encode()).hexdigest()

    def render_page(csrf_token):
        return render_to_string(template_name, {**context(), "csrf_token": csrf_token}, request)

    return HttpResponse(kept_for_person(request, kinds, f"page:{template_name}:{address}", render_page))
