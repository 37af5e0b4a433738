"""`make faults`: the fault campaign of issue 9, replayed on loopback against the portal in its
production mode, on parts of its own: a PostgreSQL cluster, a Redis server, an SMTP server
(aiosmtpd, in this process), gunicorn with gunicorn.conf.py, a Celery worker and Celery beat.

Scenarios, each printed as expected / delivered / duplicated mails and the HTTP answers seen:

1. the worker killed (SIGKILL, its process group) in the middle of a burst of 50 mails;
2. Redis stopped while staff take 10 workflow steps in the admin, and visitors and a signed-in
   person browse; then started again;
3. the SMTP server down for FAULTS_SMTP_DOWN seconds (default 120) while 20 mails are queued;
4. PostgreSQL restarted (fast shutdown) under load;
5. gunicorn reloaded (SIGHUP) and then stopped (SIGTERM) under load.

Needs root (the PostgreSQL cluster runs as the postgres user) and takes 6 to 8 minutes. Writes
var/faults/results.json. The outbox's delays are shortened (stuck after 20 s, pending grace 10 s,
sweep every 5 s) so that recovery shows within the run; the rules are the production ones.
"""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.realparts import Inbox, RedisServer, free_port, kill, start_smtp_server, stop, wait_until  # noqa: E402

OUT = ROOT / "var" / "faults"
PG_BIN = next(Path("/usr/lib/postgresql").glob("*/bin"), None)
SMTP_DOWN = int(os.environ.get("FAULTS_SMTP_DOWN", "120"))
PASSWORD = "a long pass phrase for the fault campaign"


def run(*command, env=None, **kwargs):
    return subprocess.run(command, check=True, env=env, cwd=ROOT, **kwargs)


class PostgreSQL:
    """A cluster of its own in a temporary folder, owned by the postgres user."""

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="wego-faults-pg-"))
        shutil.chown(self.folder, "postgres")
        self.as_postgres("initdb", "-D", str(self.folder), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        run(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "wego")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/wego"

    def as_postgres(self, program, *args):
        run("runuser", "-u", "postgres", "--", str(PG_BIN / program), *args, stdout=subprocess.DEVNULL)

    def control(self, action, *options):
        self.as_postgres(
            "pg_ctl", "-D", str(self.folder), "-l", str(self.folder / "log"), "-w", *options, action,
            "-o", f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off",
        )  # fmt: skip

    def start(self):
        self.control("start")

    def restart(self):
        self.control("restart", "-m", "fast")

    def remove(self):
        try:
            self.control("stop", "-m", "immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class Portal:
    """gunicorn, the worker and beat, on the parts above."""

    def __init__(self, env):
        self.env = env
        self.port = int(env["PORT"])
        self.web = self.worker = self.beat = None

    def start_web(self):
        self.web = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "wego.wsgi:application",
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=open(OUT / "gunicorn.log", "a"),
            stderr=subprocess.STDOUT,
        )
        assert wait_until(lambda: status_of("GET", self.port, "/") == 200, timeout=60), (
            "gunicorn did not answer"
        )

    def start_worker(self):
        from wego.celery import app

        self.worker = subprocess.Popen(
            [str(ROOT / ".venv/bin/celery"), "-A", "wego", "worker", "--concurrency=2", "--loglevel=WARNING",
             "--hostname=faults@%h", "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=self.env, stdout=open(OUT / "worker.log", "a"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        assert wait_until(lambda: bool(app.control.ping(timeout=0.5)), timeout=60), "the worker did not start"

    def start_beat(self):
        self.beat = subprocess.Popen(
            [str(ROOT / ".venv/bin/celery"), "-A", "wego", "beat", "--loglevel=WARNING",
             "--schedule", str(OUT / "beat-schedule")],
            cwd=ROOT, env=self.env, stdout=open(OUT / "beat.log", "a"), stderr=subprocess.STDOUT,
        )  # fmt: skip

    def stop_all(self):
        for process in (self.web, self.beat):
            if process is not None:
                stop(process)
        if self.worker is not None:
            kill(self.worker)


def status_of(method, port, path, headers=None, body=None, timeout=30):
    """The HTTP status, or the name of the error when there was no answer at all."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        return connection.getresponse().status
    except (OSError, http.client.HTTPException) as error:
        return type(error).__name__
    finally:
        connection.close()


class Load:
    """Threads requesting public and signed-in pages until stopped; counts the answers."""

    def __init__(self, port, paths, threads=8, cookie=""):
        self.port, self.paths, self.cookie = port, paths, cookie
        self.answers = Counter()
        self.running = True
        self.threads = [threading.Thread(target=self.work, args=(number,)) for number in range(threads)]
        for thread in self.threads:
            thread.start()

    def work(self, number):
        turn = number
        while self.running:
            path = self.paths[turn % len(self.paths)]
            turn += 1
            answer = status_of("GET", self.port, path, headers={"Cookie": self.cookie}, timeout=10)
            self.answers[answer] += 1
            if answer == "ConnectionRefusedError":
                return  # nothing listens any more: a visitor would not hammer a stopped server either

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join()
        return dict(self.answers)


def mail_counts(rows, inbox, since=0):
    """Expected rows; how many arrived, how many arrived more than once, how many are shown to staff
    as uncertain, and how many are lost: neither arrived nor shown to staff."""
    from wego.notifications.models import Notification

    rows = list(Notification.objects.filter(pk__in=[row.pk for row in rows]))
    ids = {row.message_id for row in rows}
    uncertain = {row.message_id for row in rows if row.status == Notification.Status.UNCERTAIN}
    arrived = Counter(
        message["message_id"] for message in inbox.messages[since:] if message["message_id"] in ids
    )
    return {
        "expected": len(ids),
        "delivered": len(arrived),
        "duplicated": sum(times - 1 for times in arrived.values()),
        "uncertain (shown to staff)": len(uncertain),
        "lost": len(ids - set(arrived) - uncertain),
        "statuses": dict(Counter(row.status for row in rows)),
    }


def settled(rows):
    from wego.notifications.models import Notification

    unfinished = [Notification.Status.PENDING, Notification.Status.SENDING]
    return not Notification.objects.filter(pk__in=[row.pk for row in rows], status__in=unfinished).exists()


def burst(count, label):
    from tests.factories import UserFactory
    from wego.notifications import outbox

    person = UserFactory()
    return [
        outbox.write(f"faults:{label}", email=person.email, subject=f"{label} {n}", body_text=f"Message {n}.")
        for n in range(count)
    ]


def signed_in_cookie(user):
    """A session for `user`, as signing in would leave it (the fault campaign skips the form)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


def admin_step(port, cookie, application):
    """A workflow step as staff take it in the admin: open the page, then send its form."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    path = f"/admin/members/membershipapplication/{application.pk}/change/"
    try:
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        page = response.read().decode()
        if response.status != 200:
            return response.status
        csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        cookies = cookie + (f"; csrftoken={csrf_cookie.group(1)}" if csrf_cookie else "")
        body = f"csrfmiddlewaretoken={token}&transition=start_review&seen_state={application.status}&note="
        connection.request(
            "POST",
            f"/admin/members/membershipapplication/{application.pk}/transition/",
            body=body,
            headers={
                "Cookie": cookies,
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{port}{path}",
            },
        )
        answer = connection.getresponse()
        answer.read()
        return answer.status
    except (OSError, http.client.HTTPException) as error:
        return type(error).__name__
    finally:
        connection.close()


PUBLIC = ["/", "/members/", "/members/?region=asia-pacific", "/driver/exchange/", "/driver/exchange/?q=smart"]


def worker_killed_mid_burst(portal, inbox):
    inbox.pace = 0.05
    start = len(inbox.messages)
    rows = burst(50, "burst")
    wait_until(lambda: len(inbox.messages) - start >= 10, timeout=60)
    kill(portal.worker)
    at_kill = len(inbox.messages) - start
    portal.start_worker()
    in_time = wait_until(lambda: settled(rows), timeout=180, interval=0.5)
    inbox.pace = 0.0
    return {"received when killed": at_kill, "settled in time": in_time, **mail_counts(rows, inbox, start)}


def redis_stopped_during_transitions(portal, redis, inbox, staff_cookie, person_cookie):
    from tests.factories import MembershipApplicationFactory
    from wego.notifications.models import Notification

    applications = [MembershipApplicationFactory() for _ in range(10)]
    before = set(Notification.objects.values_list("pk", flat=True))
    start = len(inbox.messages)
    load = Load(portal.port, [*PUBLIC, "/my/"], threads=4, cookie=person_cookie)
    redis.stop()
    steps = Counter(admin_step(portal.port, staff_cookie, application) for application in applications)
    time.sleep(3)  # the load goes on against the portal without Redis
    redis.start()
    answers = load.stop()
    moved = sum(
        1
        for application in applications
        if type(application).objects.get(pk=application.pk).status != application.status
    )
    rows = list(Notification.objects.exclude(pk__in=before))
    in_time = wait_until(lambda: settled(rows), timeout=180, interval=0.5)
    return {
        "settled in time": in_time,
        "steps": dict(steps),
        "steps committed": moved,
        "pages": answers,
        **mail_counts(rows, inbox, start),
    }


def smtp_down(portal, inbox, controller):
    controller.stop()
    start = len(inbox.messages)
    rows = burst(20, "smtp-down")
    began = time.monotonic()
    time.sleep(SMTP_DOWN)
    controller = start_smtp_server(inbox, port=controller.port)
    in_time = wait_until(lambda: settled(rows), timeout=900, interval=1)
    return controller, {
        "settled in time": in_time,
        "down for (s)": SMTP_DOWN,
        "all delivered after (s)": round(time.monotonic() - began),
        **mail_counts(rows, inbox, start),
    }


def postgres_restarted_under_load(portal, postgres, person_cookie):
    load = Load(portal.port, [*PUBLIC, "/my/"], threads=8, cookie=person_cookie)
    time.sleep(3)
    began = time.monotonic()
    postgres.restart()
    restart_took = time.monotonic() - began
    time.sleep(3)
    return {"restart took (s)": round(restart_took, 2), "answers": load.stop()}


def gunicorn_signals_under_load(portal):
    """A reload should drop nothing. A stop finishes what the workers have; connections still
    queued in the listen backlog are reset, and once it has stopped, connections are refused."""
    load = Load(portal.port, PUBLIC, threads=8)
    time.sleep(2)
    portal.web.send_signal(signal.SIGHUP)  # a graceful reload, as a deploy does
    time.sleep(4)
    reload_answers = load.stop()
    load = Load(portal.port, PUBLIC, threads=8)
    time.sleep(2)
    portal.web.send_signal(signal.SIGTERM)
    portal.web.wait(timeout=60)
    stop_answers = load.stop()
    return {"SIGHUP (reload)": reload_answers, "SIGTERM (stop)": stop_answers}


def main():
    if os.geteuid() != 0 or PG_BIN is None:
        sys.exit("make faults runs a PostgreSQL cluster of its own as the postgres user: run it as root.")
    OUT.mkdir(parents=True, exist_ok=True)
    for log in ("gunicorn.log", "worker.log", "beat.log", "beat-schedule"):
        (OUT / log).unlink(missing_ok=True)
    inbox = Inbox()
    controller = start_smtp_server(inbox)
    postgres, redis = PostgreSQL(), RedisServer()
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/root"),
        "DJANGO_SETTINGS_MODULE": "wego.settings",
        "DEBUG": "0",
        "SECRET_KEY": "faults-only-secret-key-not-used-anywhere-else-0123456789",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": postgres.url,
        "REDIS_URL": redis.url(0),
        "EMAIL_URL": f"smtp://127.0.0.1:{controller.port}",
        "PORTAL_URL": f"http://127.0.0.1:{port}",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "STATIC_ROOT": str(OUT / "static"),
        "OUTBOX_STUCK_AFTER": "20",
        "OUTBOX_PENDING_GRACE": "10",
        "OUTBOX_SWEEP_EVERY": "5",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    portal = Portal(env)
    results = {}
    try:
        print(f"== Parts: PostgreSQL :{postgres.port}, Redis :{redis.port}, SMTP :{controller.port}", end="")
        print(f", web :{port}")
        python = str(ROOT / ".venv/bin/python")
        run(python, "manage.py", "migrate", "--no-input", "-v", "0", env=env)
        run(python, "manage.py", "load_report_2020", env=env, stdout=subprocess.DEVNULL)
        run(python, "manage.py", "collectstatic", "--no-input", "-v", "0", env=env)
        import django

        django.setup()
        from tests.factories import UserFactory, secretariat_user

        staff = secretariat_user()
        staff.user_permissions.add(
            *staff.user_permissions.model.objects.filter(codename__endswith="membershipapplication")
        )
        staff_cookie, person_cookie = signed_in_cookie(staff), signed_in_cookie(UserFactory())
        portal.start_web()
        portal.start_worker()
        portal.start_beat()

        print("== 1. The worker killed in the middle of a burst of 50 mails")
        results["worker killed mid-burst"] = report(worker_killed_mid_burst(portal, inbox))
        print("== 2. Redis stopped while staff take 10 steps and people browse")
        results["Redis stopped during 10 steps"] = report(
            redis_stopped_during_transitions(portal, redis, inbox, staff_cookie, person_cookie)
        )
        print(f"== 3. The SMTP server down for {SMTP_DOWN} s while 20 mails are queued")
        controller, results["SMTP down"] = smtp_down(portal, inbox, controller)
        report(results["SMTP down"])
        print("== 4. PostgreSQL restarted under load (8 connections)")
        results["PostgreSQL restarted"] = report(
            postgres_restarted_under_load(portal, postgres, person_cookie)
        )
        print("== 5. gunicorn reloaded (SIGHUP), then stopped (SIGTERM), under load (8 connections)")
        results["gunicorn signals"] = report(gunicorn_signals_under_load(portal))
    finally:
        portal.stop_all()
        controller.stop()
        redis.stop()
        postgres.remove()
    results["summary"] = report(summary(results))
    (OUT / "results.json").write_text(json.dumps(results, indent=2, default=str))
    print(f"== Written to {OUT / 'results.json'}")


def summary(results):
    """The campaign's goal in one place: nothing lost, nothing twice, no 500, every wait in time."""
    mail = [result for result in results.values() if "expected" in result]
    answers = Counter()
    for result in results.values():
        for key in ("pages", "answers", "steps"):
            answers.update(result.get(key, {}))
    print("== Summary")
    return {
        "mails expected": sum(result["expected"] for result in mail),
        "lost": sum(result["lost"] for result in mail),
        "duplicated": sum(result["duplicated"] for result in mail),
        "uncertain (shown to staff)": sum(result["uncertain (shown to staff)"] for result in mail),
        "500 answers": answers.get(500, 0),
        "every wait in time": all(result["settled in time"] for result in mail),
    }


def report(result):
    for key, value in result.items():
        print(f"   {key}: {value}")
    return result


if __name__ == "__main__":
    main()
