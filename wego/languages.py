"""Choosing a language is following a link: the same page, filters included, in the other language.

Each language's address is the page's own address with its language prefix (wego/urls.py), so a
cached page of one language never answers for another, and search engines find every language
through the hreflang alternates in the page's head.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info

LONGEST_KEPT = 2000


def language_links(request):
    """{"language_links": [{code, name, url, absolute_url, current}]}: this page in each language.
    Lazy: a part of a page rendered on its own (a panel, a section, a mail) never asks for them."""
    return {"language_links": SimpleLazyObject(lambda: links_to(request))}


def links_to(request):
    here = request.get_full_path()
    if len(here) > LONGEST_KEPT:
        # A query string this long is nobody's filters: the page quotes back only what it must.
        here = request.path
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(here, code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": f"{settings.PORTAL_URL}{url}",
                "current": code == current,
            }
        )
    return links
