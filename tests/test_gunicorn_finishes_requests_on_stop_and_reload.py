"""gunicorn.conf.py as production runs it: a request in flight when gunicorn receives SIGTERM (stop)
or SIGHUP (reload) is finished, not dropped; after a reload new requests are still answered."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read()


@pytest.fixture
def gunicorn():
    """gunicorn with the repository's configuration, serving tests/slow_wsgi.py on a free port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tests.slow_wsgi:application", "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env={**os.environ, "PORT": str(port), "WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            get(url)
            break
        except OSError:
            time.sleep(0.1)
    yield server, url
    server.kill()
    server.wait()


def test_a_request_in_flight_when_gunicorn_is_stopped_is_finished(gunicorn):
    server, url = gunicorn
    with ThreadPoolExecutor() as pool:
        in_flight = pool.submit(get, url + "?2")
        time.sleep(0.5)
        server.send_signal(signal.SIGTERM)

        assert in_flight.result() == (200, b"finished")
    assert server.wait(timeout=30) == 0


def test_a_reload_finishes_the_request_in_flight_and_keeps_answering(gunicorn):
    server, url = gunicorn
    with ThreadPoolExecutor() as pool:
        in_flight = pool.submit(get, url + "?2")
        time.sleep(0.5)
        server.send_signal(signal.SIGHUP)
        # While the old worker finishes, the new one takes the requests that arrive.
        arriving = [pool.submit(get, url) for _ in range(5)]

        assert in_flight.result() == (200, b"finished")
        assert [request.result() for request in arriving] == [(200, b"finished")] * 5
    assert server.poll() is None
