"""Serve and keep public pages for visitors who are not signed in (see the package's docstring)."""

import hashlib

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import versions

KEY = "pagecache:page:"
# Kept by a proxy or CDN in front of the portal for this long; browsers ask again each time (and get
# 304 Not Modified when nothing changed).
SHARED_MAX_AGE = 30
MESSAGE_COOKIE = "messages"
# Headers the outer middleware add to every response anyway are not kept.
NOT_KEPT = {"set-cookie", "vary", "cache-control", "etag", "content-length"}


def shows(request):
    """The kinds of content the requested page shows, or None when it is not a public page."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return getattr(match.func, "page_shows", None)


def bypassed(request):
    """The benchmark measures pages uncached too, by a header only its settings name."""
    header = settings.PAGE_CACHE_BYPASS_HEADER
    return bool(header and request.headers.get(header))


def may_be_served_from_cache(request):
    return (
        request.method in ("GET", "HEAD")
        and not bypassed(request)
        # Somebody with a session may be signed in; a message waiting is theirs alone.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGE_COOKIE not in request.COOKIES
    )


def key_for(request, kinds):
    tokens = versions.tokens_for(sorted(kinds))
    parts = [
        request.get_full_path(),
        "htmx" if request.headers.get("HX-Request") else "page",
        *(f"{kind}={tokens[kind]}" for kind in sorted(kinds)),
    ]
    return KEY + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def may_be_kept(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and b"csrfmiddlewaretoken" not in response.content
    )


def as_public(response, etag, kinds):
    response["ETag"] = etag
    # A page of content that changes at a moment (a call closing) is kept outside no longer than that.
    until_next = versions.seconds_to_next_moment(kinds)
    shared = SHARED_MAX_AGE if until_next is None else max(0, min(SHARED_MAX_AGE, int(until_next)))
    patch_cache_control(response, public=True, max_age=0, s_maxage=shared)
    patch_vary_headers(response, ("Cookie", "HX-Request"))
    return response


class PageCacheMiddleware:
    """After LocaleMiddleware (the language prefix must be active to resolve the address), before
    everything that reads the session, the user or the CSRF token."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with versions.request_scope():
            return self.answer(request)

    def answer(self, request):
        kinds = shows(request)
        if kinds is None:
            return self.get_response(request)
        if not may_be_served_from_cache(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                # Possibly a signed-in person's page: no shared cache may keep it.
                patch_cache_control(response, private=True)
            return response
        key = key_for(request, kinds)
        kept = versions.get(key)
        if kept is not None:
            return self.answer_from(request, kept, kinds)
        response = self.get_response(request)
        if may_be_kept(request, response):
            etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            headers = {name: value for name, value in response.items() if name.lower() not in NOT_KEPT}
            versions.keep(key, (response.content, headers, etag), settings.PAGE_CACHE_SECONDS)
            return as_public(response, etag, kinds)
        return response

    def answer_from(self, request, kept, kinds):
        content, headers, etag = kept
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            return as_public(HttpResponseNotModified(), etag, kinds)
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        return as_public(response, etag, kinds)
