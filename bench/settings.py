"""Settings for `make bench`: production-like (DEBUG off) against the dedicated bench database."""

import os

# Forced rather than defaulted: a DEBUG=1 or DATABASE_URL left in the shell or .env
# would otherwise turn the benchmark into a measurement of something else.
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/wego_bench")
os.environ["DEBUG"] = "0"
# Plain HTTP on loopback: no redirect to https, no HSTS.
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ["SECURE_HSTS_SECONDS"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")

from wego.settings import *  # noqa: E402,F403
from wego.settings import VAR_DIR  # noqa: E402

ROOT_URLCONF = "bench.urls"
# Kept apart from var/static so the bench's collectstatic doesn't touch anyone else's files.
STATIC_ROOT = VAR_DIR / "bench" / "static"
# The benchmark measures public pages from the page cache (warm) and without it (cold).
PAGE_CACHE_BYPASS_HEADER = "X-Bench-Cold"
# The page cache, kept parts and remembered values in Redis, as in production; a database of its
# own, emptied with the bench database (bench/resetdb.py).
BENCH_CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/12")
CACHES = {"default": {"BACKEND": "wego.cache.TolerantRedisCache", "LOCATION": BENCH_CACHE_URL}}
