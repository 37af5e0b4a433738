"""The real parts the delivery tests and the fault script (`make faults`) run: an SMTP server on
loopback that records what it receives, and a Celery worker in its own process."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]


def wait_until(condition, timeout=30, interval=0.05):
    """Wait for a state, not for a time: True as soon as `condition()` holds, False after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """What the SMTP server receives. `pace` slows each message down (a busy server); `hold_at`
    ("RCPT" or "DATA") keeps the next message waiting at that command until `release()`."""

    def __init__(self, pace=0.0):
        self.messages = []
        self.pace = pace
        self.hold_at = None
        self.holding = False
        self.refuse_recipients_with = None  # an SMTP reply, such as greylisting's 450

    def hold(self, command):
        self.hold_at, self.holding = command, False

    def release(self):
        self.hold_at, self.holding = None, False

    async def wait_if_held(self, command):
        if self.hold_at == command:
            self.holding = True
            while self.hold_at == command:
                await asyncio.sleep(0.01)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        await self.wait_if_held("RCPT")
        if self.refuse_recipients_with:
            return self.refuse_recipients_with
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content)
        subject = " ".join(str(make_header(decode_header(message["Subject"]))).split())  # unfolded
        self.messages.append(
            {"to": envelope.rcpt_tos, "subject": subject, "message_id": message["Message-ID"]}
        )
        await self.wait_if_held("DATA")
        if self.pace:
            await asyncio.sleep(self.pace)
        return "250 Message accepted for delivery"

    def wait_for(self, count, timeout=30):
        wait_until(lambda: len(self.messages) >= count, timeout)
        return self.messages


def smtp_mailer(port):
    """settings.MAILERS for sending through a real SMTP client to the loopback `port`."""
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 30},
        }
    }


def start_smtp_server(inbox, port=None):
    controller = Controller(inbox, hostname="127.0.0.1", port=port or free_port())
    controller.start()
    return controller


def start_worker(*, redis_url, ping, database_url=None, email_url=None, hostname="outbox@%h", extra_env=None):
    """`celery worker` in its own process group (so that killing it kills all of it), on the given
    broker (and database, and mail server, if given); returns once `ping()` says it answers.

    Its output goes to a file, not a pipe: a pipe nobody reads fills up, and a worker writing to a
    full pipe hangs, answering no ping and no SIGTERM. The wait is for the worker's answer; the
    deadline only bounds a worker that never starts, on a machine however busy."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/root"),
        "DJANGO_SETTINGS_MODULE": "wego.settings",
        "DEBUG": "1",
        "REDIS_URL": redis_url,
        **({"DATABASE_URL": database_url} if database_url else {}),
        **({"EMAIL_URL": email_url} if email_url else {}),
        **(extra_env or {}),
    }
    output = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "wego",
            "worker",
            "--pool=solo",
            f"--hostname={hostname}",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    process.output = output
    if not wait_until(lambda: process.poll() is not None or ping(), timeout=180, interval=0):
        kill(process)
    if process.poll() is not None:
        raise RuntimeError(f"The worker did not start:\n{output_of(process)}")
    return process


def output_of(process):
    """What a worker started by `start_worker` has written so far."""
    process.output.seek(0)
    return process.output.read()


def kill(process):
    """SIGKILL to the whole process group: no goodbye, no acknowledgement, as in a crash."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def stop(process):
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


class RedisServer:
    """A redis-server process of one's own, on a free loopback port, that may be stopped and started."""

    def __init__(self):
        import redis

        self.port = free_port()
        self.client = redis.Redis(port=self.port, socket_timeout=5)
        self.process = None
        self.start()

    def url(self, database):
        return f"redis://127.0.0.1:{self.port}/{database}"

    def answers(self):
        import redis

        try:
            return self.client.ping()
        except redis.exceptions.ConnectionError:
            return False

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        if not wait_until(self.answers):
            raise RuntimeError("redis-server did not start")

    def stop(self):
        stop(self.process)
