"""A real SMTP server on loopback and a real Celery worker on Redis, for the delivery tests."""

import os
import socket
import subprocess
import sys
import time
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from kombu import pools

from wego.celery import app

ROOT = Path(__file__).resolve().parents[2]


def redis_url_of_this_worker():
    """TEST_REDIS_URL's database for the first pytest-xdist worker, the one below it for the second, and
    so on: each worker's Celery worker takes work only from its own queue, and its pings reach only it."""
    base = urlsplit(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"))
    number = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    return base._replace(path=f"/{int(base.path.lstrip('/') or 15) - number}").geturl()


REDIS_URL = redis_url_of_this_worker()


def wait_until(condition, timeout=30):
    """Wait for a state, not for a time: True as soon as `condition()` holds, False after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """Collects what the SMTP server receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content)
        subject = " ".join(str(make_header(decode_header(message["Subject"]))).split())  # unfolded
        self.messages.append({"to": envelope.rcpt_tos, "subject": subject})
        return "250 Message accepted for delivery"

    def wait_for(self, count, timeout=30):
        wait_until(lambda: len(self.messages) >= count, timeout)
        return self.messages


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
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


@pytest.fixture
def worker(transactional_db, smtp_server, broker):
    """`celery worker` in its own process, on the test database, sending to the loopback SMTP server."""
    port, _ = smtp_server
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/root"),
        "DJANGO_SETTINGS_MODULE": "wego.settings",
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "wego",
            "worker",
            "--pool=solo",
            "--hostname=outbox@%h",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None and not app.control.ping(timeout=0.5):
        pass
    assert process.poll() is None, process.stdout.read()
    yield process
    process.terminate()
    process.wait(timeout=30)
