"""Each kind of content has a version, a random token in the cache: a page is kept under the tokens
of what it shows, so a new token makes every page of that kind fresh at once.

Tokens, not counters: a token evicted or lost with Redis is replaced by a new one, never by one that
a page was kept under before.

A request reads every kind's token from Redis once, at its first need (request_scope(), entered by
the page cache middleware), and what is kept under tokens is read from the process's own copy first
(local.py): a page rendered anew costs one trip to Redis for all its kept values and parts, not two
for each. A write in the request renews the tokens it holds as well.
"""

import bisect
import contextlib
import hashlib
import pickle
import threading
import uuid

from django.core.cache import cache
from django.utils import timezone

from . import content, reads
from .local import copies

PREFIX = "pagecache:version:"
# How long a process keeps its copy of what it read from the cache: Redis may let the item go
# sooner (its own time, or memory), and the copy should not outlive it by much.
COPY_SECONDS = 300

_request = threading.local()


def token():
    return uuid.uuid4().hex


@contextlib.contextmanager
def request_scope():
    _request.tokens = {}
    try:
        yield
    finally:
        _request.tokens = None


def fetched(kinds):
    """{kind: token} from the cache, making a token for a kind that has none."""
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


def raw_tokens(kinds):
    """{kind: token} for `kinds`, as written: what changes when the content is."""
    held = getattr(_request, "tokens", None)
    if held is None:
        return fetched(kinds)
    missing = set(kinds) - held.keys()
    if missing:
        held.update(fetched(missing | content.kinds()))
    return {kind: held[kind] for kind in kinds}


def tokens_for(kinds):
    """{kind: token} for `kinds`; the token of content with moments also names the last moment passed."""
    tokens = raw_tokens(kinds)
    now = timezone.now()
    for kind, written in tokens.items():
        if content.moments_of(kind) is not None:
            last, _next = around(kind, written, now)
            tokens[kind] = f"{written}@{last.timestamp() if last else '-'}"
    return tokens


def around(kind, written, now):
    """(the last of the kind's moments passed by `now`, the next to come), either None. Its moments are
    read once per version of the kind (they change only when it is written), so this costs no query."""
    last_passed, coming = moments_of(kind, written)
    index = bisect.bisect_right(coming, now)
    return (coming[index - 1] if index else last_passed), (coming[index] if index < len(coming) else None)


def moments_of(kind, written):
    """(the last moment passed when they were read, the moments still to come, in order). Only those
    to come are kept: a calendar of 20,000 past events is one moment, not a list read per request.
    The last passed, not a count, goes in the token, so reading them again later names the same state."""
    key = f"pagecache:moments-around:{kind}:{written}"
    kept = get(key)
    if kept is None:
        compute = content.moments_of(kind)
        moments = reads.computed({kind}, f"The moments of {kind}", lambda: list(compute()))
        now = timezone.now()
        passed = [moment for moment in moments if moment <= now]
        kept = (max(passed, default=None), sorted(moment for moment in moments if moment > now))
        keep(key, kept, 3600)
    return kept


def seconds_to_next_moment(kinds):
    """Seconds until the next moment of any of `kinds` passes, or None when none is to come: how long
    a copy of their page may be kept outside the portal (a proxy's) and still be right."""
    now = timezone.now()
    timed = [kind for kind in kinds if content.moments_of(kind) is not None]
    if not timed:
        return None
    held = raw_tokens(timed)
    coming = [around(kind, held[kind], now)[1] for kind in timed]
    coming = [moment for moment in coming if moment is not None]
    return (min(coming) - now).total_seconds() if coming else None


def renew(kinds):
    """Every page that shows one of `kinds` is fresh on the next request."""
    if kinds:
        tokens = {kind: token() for kind in kinds}
        cache.set_many({f"{PREFIX}{kind}": value for kind, value in tokens.items()}, timeout=None)
        held = getattr(_request, "tokens", None)
        if held is not None:
            held.update(tokens)


def signature(kinds):
    """One string that changes whenever any of `kinds` of content does: part of a cache key."""
    tokens = tokens_for(sorted(kinds))
    joined = ":".join(tokens[kind] for kind in sorted(kinds))
    return hashlib.sha256(joined.encode()).hexdigest()


def get(key):
    """What was kept under `key` (a key made with the tokens), from this process's copy or the cache."""
    value = copies.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            copies.put(key, value, size_of(value), timeout=COPY_SECONDS)
    return value


def keep(key, value, timeout):
    cache.set(key, value, timeout=timeout)
    copies.put(key, value, size_of(value), timeout=timeout)


def size_of(value):
    if isinstance(value, str):
        return len(value)
    if isinstance(value, tuple) and value and isinstance(value[0], bytes):
        return len(value[0])  # a page: its content, then its headers
    return len(pickle.dumps(value))


def remembered(kinds, name, compute, timeout=3600):
    """`compute()`, kept under the current versions of `kinds` of content: a scan of a whole table
    (the countries the members are in, the years the projects ran) done once per change to what it
    reads rather than once per request. Fresh exactly when the pages that show it are, a release
    included (the portal's version: what is computed, and how it is kept, may have changed)."""
    key = f"pagecache:value:{name}:{signature(set(kinds) | {content.PORTAL})}"
    kept = get(key)
    if kept is None:
        # In a tuple, so that None (no Secretariat office recorded yet) is remembered too.
        kept = (reads.computed(kinds, f"The value {name}", compute),)
        keep(key, kept, timeout)
    return kept[0]
