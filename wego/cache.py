"""Redis as a cache, never as a point of failure.

Every read and write of the cache goes through TolerantRedisCache (settings.CACHES), so any cache
use, today's or a later one's, degrades instead of failing when Redis cannot be reached: a read
finds nothing, a write is skipped, the page is computed from the database. After a failure the
cache is left alone for a few seconds (no request waits on a dead server for every key), it
behaves as an empty cache that keeps nothing (get finds nothing, add succeeds), and a write or
delete that failed marks it dirty: the first call of this process that reaches Redis again clears
it, so nothing the portal meant to forget during the outage is served after that.

What a process knows of an outage is shared by its threads (gunicorn's gthread workers), not kept
per thread as Django keeps the backend objects. Another process serves from the cache between
Redis's return and the first call of the process that failed to forget (a request or two).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Unreachable, timed out, or refusing (out of memory, a read-only replica, a failed save): the cache
# is out of service either way.
OUT_OF_SERVICE = (RedisError, OSError)
# Seconds to leave an unreachable cache alone before trying it again.
RETRY_AFTER = 5.0


class Outage:
    """What a process knows of its cache's health: until when to leave it alone, and whether it missed
    a write or a delete. Plain attributes, shared by threads: a clear done twice does no harm."""

    def __init__(self):
        self.unreachable_until = 0.0
        self.dirty = False


OUTAGES = {}  # one per cache location in this process


class ReusedRedisClient(RedisCacheClient):
    """Django's client, keeping one redis.Redis per server instead of making one for every call.
    Making one builds redis-py's table of some 170 reply handlers: 0.4 ms of every cache call (five
    times the trip to Redis itself; profiled for issue 11). A redis.Redis is safe to share between
    threads, its connections coming from the pool Django already keeps per server."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        # Fail fast: a cache that does not answer within these is treated as absent.
        options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, **params.get("OPTIONS", {})}
        params = {**params, "OPTIONS": options}
        super().__init__(server, params)
        self._class = ReusedRedisClient
        self.outage = OUTAGES.setdefault(str(server), Outage())

    def attempt(self, operation, *args, fallback=None, writes=False):
        outage = self.outage
        if time.monotonic() < outage.unreachable_until:
            outage.dirty = outage.dirty or writes
            return fallback
        try:
            if outage.dirty:
                super().clear()  # back after an outage in which something was not forgotten
                outage.dirty = False
            result = operation(*args)
        except OUT_OF_SERVICE as error:
            if not outage.unreachable_until:
                logger.warning("The cache is out of service (%s); pages are computed without it.", error)
            outage.unreachable_until = time.monotonic() + RETRY_AFTER
            outage.dirty = outage.dirty or writes
            return fallback
        if outage.unreachable_until:
            logger.warning("The cache is back in service.")
            outage.unreachable_until = 0.0
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # As an empty cache would: the key was absent. allauth's rate limits take a lock with add(),
        # so they fail open while Redis is down (see the README's production section).
        return self.attempt(super().add, key, value, timeout, version, fallback=True, writes=True)

    def get(self, key, default=None, version=None):
        return self.attempt(super().get, key, default, version, fallback=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().set, key, value, timeout, version, writes=True)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().touch, key, timeout, version, fallback=False)

    def delete(self, key, version=None):
        return self.attempt(super().delete, key, version, fallback=False, writes=True)

    def get_many(self, keys, version=None):
        return self.attempt(super().get_many, keys, version, fallback={})

    def has_key(self, key, version=None):
        return self.attempt(super().has_key, key, version, fallback=False)

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self.attempt(super().incr, key, delta, version, fallback=missing, writes=True)
        if value is missing:
            raise ValueError(f"Key '{key}' not found: the cache cannot be reached.")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().set_many, data, timeout, version, fallback=list(data), writes=True)

    def delete_many(self, keys, version=None):
        return self.attempt(super().delete_many, keys, version, writes=True)

    def clear(self):
        return self.attempt(super().clear, fallback=False, writes=True)
