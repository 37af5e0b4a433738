"""The cache keeps one redis client per server (wego/cache.py: making one per call cost 0.4 ms of
every cache call), and that client carries on after Redis is restarted."""

from tests.realparts import RedisServer
from wego.cache import TolerantRedisCache


def test_the_cache_reuses_its_client_and_carries_on_after_redis_restarts():
    server = RedisServer()
    try:
        cache = TolerantRedisCache(server.url(1), {})
        cache.set("greeting", "annyeong")
        client = cache._cache.get_client()
        assert cache._cache.get_client() is client
        assert cache._cache.get_client(write=True) is client  # one server: reads and writes alike

        server.stop()
        server.start()  # empty: it keeps nothing on disk
        assert cache.get("greeting") is None
        cache.outage.unreachable_until = 0.0  # a failed call above would leave it alone for a while
        cache.set("greeting", "bonjour")
        assert cache.get("greeting") == "bonjour"
        assert cache._cache.get_client() is client
    finally:
        server.stop()
