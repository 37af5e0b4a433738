"""The address of a thing by its slug, reversed once per view name and language rather than once per
thing: reverse() costs some 46 µs with the language prefix, and a list page asks for one per row
(profiled, issue 11). Slugs need no quoting, so the slug takes the place of a placeholder."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

PLACEHOLDER = "0slug0"


@functools.lru_cache(maxsize=512)
def pattern(viewname, language, script_prefix, urlconf):
    # The arguments are what reverse() reads from the request and the settings: they make the key.
    return reverse(viewname, args=[PLACEHOLDER], urlconf=urlconf)


def by_slug(viewname, slug):
    """reverse(viewname, args=[slug]), for a URL whose only argument is a slug."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return pattern(viewname, get_language(), get_script_prefix(), urlconf).replace(PLACEHOLDER, slug, 1)
