from celery import Celery

from tests.notifications.conftest import redis_url_of_this_worker
from tests.realparts import start_worker, stop

REDIS_URL = redis_url_of_this_worker()


def test_with_redis_url_set_the_worker_takes_work_from_redis():
    client = Celery(broker=REDIS_URL)
    with client.connection_for_write() as connection:
        # A task left in this queue by an earlier test would keep the solo pool busy, and a busy
        # solo worker answers no ping.
        connection.default_channel.client.flushdb()
    replies = []

    def ping():
        replies[:] = client.control.ping(timeout=0.5)
        return replies

    worker = start_worker(redis_url=REDIS_URL, ping=ping, hostname="test@%h")
    try:
        assert any(name.startswith("test@") for reply in replies for name in reply)
    finally:
        stop(worker)
