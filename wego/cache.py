"""Redis as a cache, never as a point of failure.

Every read and write of the cache goes through TolerantRedisCache (settings.CACHES), so any cache
use, today's or a later one's, degrades instead of failing when Redis cannot be reached: a read
finds nothing, a write is skipped, the page is computed from the database. After a failure the
cache is left alone for a few seconds (no request waits on a dead server for every key), it
behaves as an empty cache that keeps nothing (get finds nothing, add succeeds), and a
write or delete that failed marks it dirty: the first call that reaches Redis again clears it,
so nothing the portal meant to forget during the outage is served after it.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# Seconds to leave an unreachable cache alone before trying it again.
RETRY_AFTER = 5.0


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        # Fail fast: a cache that does not answer within these is treated as absent.
        options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, **params.get("OPTIONS", {})}
        params = {**params, "OPTIONS": options}
        super().__init__(server, params)
        self.unreachable_until = 0.0
        self.dirty = False

    def attempt(self, operation, *args, fallback=None, writes=False):
        if time.monotonic() < self.unreachable_until:
            self.dirty = self.dirty or writes
            return fallback
        try:
            if self.dirty:
                super().clear()  # back after an outage in which something was not forgotten
                self.dirty = False
            return operation(*args)
        except UNREACHABLE as error:
            if not self.unreachable_until:
                logger.warning("The cache cannot be reached (%s); pages are computed without it.", error)
            self.unreachable_until = time.monotonic() + RETRY_AFTER
            self.dirty = self.dirty or writes
            return fallback

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
