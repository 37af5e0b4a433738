"""Each kind of content has a version, a random token in the cache: a page is kept under the tokens
of what it shows, so a new token makes every page of that kind fresh at once.

Tokens, not counters: a token evicted or lost with Redis is replaced by a new one, never by one that
a page was kept under before.
"""

import hashlib
import uuid

from django.core.cache import cache

from . import reads

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


def signature(kinds):
    """One string that changes whenever any of `kinds` of content does: part of a cache key."""
    tokens = tokens_for(sorted(kinds))
    joined = ":".join(tokens[kind] for kind in sorted(kinds))
    return hashlib.sha256(joined.encode()).hexdigest()


def remembered(kinds, name, compute, timeout=3600):
    """`compute()`, kept under the current versions of `kinds` of content: a scan of a whole table
    (the countries the members are in, the years the projects ran) done once per change to what it
    reads rather than once per request. Fresh exactly when the pages that show it are."""
    key = f"pagecache:value:{name}:{signature(kinds)}"
    value = cache.get(key)
    if value is None:
        value = reads.computed(kinds, f"The value {name}", compute)
        cache.set(key, value, timeout=timeout)
    return value
