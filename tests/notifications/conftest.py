"""A real SMTP server on loopback and a real Celery worker on Redis, for the delivery tests."""

import os
from urllib.parse import urlsplit

import pytest
from django.db import connection
from kombu import pools

from tests.realparts import Inbox, start_smtp_server, start_worker, stop
from wego.celery import app


def redis_url_of_this_worker():
    """TEST_REDIS_URL's database for the first pytest-xdist worker, the one below it for the second, and
    so on: each worker's Celery worker takes work only from its own queue, and its pings reach only it."""
    base = urlsplit(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"))
    number = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    return base._replace(path=f"/{int(base.path.lstrip('/') or 15) - number}").geturl()


REDIS_URL = redis_url_of_this_worker()


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = start_smtp_server(inbox)
    yield controller.port, inbox
    controller.stop()


def use_broker(url, **options):
    """Point the test process's Celery app at another broker, dropping pooled connections."""
    app.conf.update(broker_url=url, **options)
    pools.reset()  # kombu's process-wide pools keep connections to the previous broker
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker():
    """Tasks go to Redis instead of running eagerly, as in production."""
    app.conf.update(task_always_eager=False)
    use_broker(REDIS_URL)
    with app.connection_for_write() as connection_:
        connection_.default_channel.client.flushdb()  # no task left over from an earlier run
    yield app
    app.conf.update(task_always_eager=True)
    use_broker("memory://")


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def start_outbox_worker(transactional_db, smtp_server, broker):
    """Starts `celery worker` processes on the test database, sending to the loopback SMTP server;
    each is stopped at the end of the test, if the test has not killed it."""
    port, _ = smtp_server
    started = []

    def start():
        process = start_worker(
            database_url=database_url(),
            redis_url=REDIS_URL,
            email_url=f"smtp://127.0.0.1:{port}",
            ping=lambda: app.control.ping(timeout=0.5),
        )
        started.append(process)
        return process

    yield start
    for process in started:
        stop(process)


@pytest.fixture
def worker(start_outbox_worker):
    """One `celery worker` in its own process, as in production."""
    return start_outbox_worker()
