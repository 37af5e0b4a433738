"""What is kept under versions never changes under its key (a change is a new version, so a new key),
so each process also keeps the latest of it in memory: a page, a part or a value read again costs no
trip to Redis. Bounded in bytes, the least recently read going first; a very large item (a whole
export) is left to Redis alone, so that one does not push out everything else; and a copy expires
with the item, or within five minutes of being read from Redis (versions.COPY_SECONDS).
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings


class LocalCopies:
    def __init__(self, budget):
        self.budget = budget
        self.items = OrderedDict()  # key -> (value, size, expires_at)
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.items.get(key)
            if entry is None:
                return None
            if entry[2] < time.monotonic():
                self.drop(key)
                return None
            self.items.move_to_end(key)
            return entry[0]

    def put(self, key, value, size, timeout):
        if size > self.budget // 8:
            return
        with self.lock:
            if key in self.items:
                self.drop(key)
            self.items[key] = (value, size, time.monotonic() + timeout)
            self.size += size
            while self.size > self.budget:
                self.drop(next(iter(self.items)))

    def drop(self, key):
        _value, size, _expires = self.items.pop(key)
        self.size -= size

    def clear(self):
        with self.lock:
            self.items.clear()
            self.size = 0


copies = LocalCopies(settings.PAGE_CACHE_LOCAL_BYTES)
