"""Each kind of content has a version, a random token in the cache: a page is kept under the tokens
of what it shows, so a new token makes every page of that kind fresh at once.

Tokens, not counters: a token evicted or lost with Redis is replaced by a new one, never by one that
a page was kept under before.
"""

import uuid

from django.core.cache import cache

PREFIX = "pagecache:version:"


def token():
    return uuid.uuid4().hex


def tokens_for(kinds):
    """{kind: token} for `kinds`, making a token for a kind that has none."""
    keys = {f"{PREFIX}{kind}": kind for kind in kinds}
    found = cache.get_many(list(keys))
    tokens = {keys[key]: value for key, value in found.items()}
    for key, kind in keys.items():
        if kind not in tokens:
            made = token()
            # Two processes may make one at once: the first kept is everyone's.
            if not cache.add(key, made, timeout=None):
                made = cache.get(key) or made
            tokens[kind] = made
    return tokens


def renew(kinds):
    """Every page that shows one of `kinds` is fresh on the next request."""
    if kinds:
        cache.set_many({f"{PREFIX}{kind}": token() for kind in kinds}, timeout=None)
