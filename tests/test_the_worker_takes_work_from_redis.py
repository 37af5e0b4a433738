import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import Celery

from tests.notifications.conftest import redis_url_of_this_worker

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = redis_url_of_this_worker()


@pytest.fixture
def worker():
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/root"),
        "DJANGO_SETTINGS_MODULE": "wego.settings",
        "DEBUG": "1",
        "REDIS_URL": REDIS_URL,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "wego", "worker", "--pool=solo", "--hostname=test@%h"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


def test_with_redis_url_set_the_worker_takes_work_from_redis(worker):
    client = Celery(broker=REDIS_URL)
    replies = []
    deadline = time.monotonic() + 30
    while not replies and time.monotonic() < deadline and worker.poll() is None:
        replies = client.control.ping(timeout=1)
    assert worker.poll() is None, worker.stdout.read()
    assert any(name.startswith("test@") for reply in replies for name in reply)
