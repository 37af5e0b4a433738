"""How long a notification takes from a transition (its start) to the SMTP server, with a live Celery worker.

python -m bench.notifications [COUNT]: starts an SMTP server on loopback (aiosmtpd) and a worker
on Redis, performs COUNT membership transitions one after another, and prints the median and
90th percentile of transition-commit-to-SMTP-receipt, in milliseconds.
"""

import logging
import os
import statistics
import sys
import time

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
os.environ["REDIS_URL"] = REDIS_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402

from members.models import MembershipApplication  # noqa: E402
from organisations.models import User  # noqa: E402
from tests.realparts import free_port, start_worker, stop  # noqa: E402
from wego.celery import app  # noqa: E402
from wego.workflow.engine import perform  # noqa: E402

# The cycle of steps that each send the applicant one message.
CYCLE = ["start_review", "request_information", "resubmit"]


class Receipts:
    def __init__(self):
        self.times = {}

    async def handle_DATA(self, server, session, envelope):
        for line in envelope.content.decode(errors="replace").splitlines():
            if line.startswith("X-WeGO-Notification:"):
                self.times[int(line.split(":", 1)[1])] = time.perf_counter()
        return "250 OK"


def main(count):
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every connection
    receipts = Receipts()
    smtp = Controller(receipts, hostname="127.0.0.1", port=free_port())
    smtp.start()
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    worker = start_worker(
        database_url=database_url,
        redis_url=REDIS_URL,
        email_url=f"smtp://127.0.0.1:{smtp.port}",
        ping=lambda: app.control.ping(timeout=0.5),
        # bench.settings reads its database from BENCH_DATABASE_URL, not DATABASE_URL.
        extra_env={"DJANGO_SETTINGS_MODULE": "bench.settings", "BENCH_DATABASE_URL": database_url},
    )
    try:
        staff, _ = User.objects.get_or_create(email="bench-staff@we-gov.org", defaults={"is_staff": True})
        staff.groups.add(Group.objects.get_or_create(name="Secretariat")[0])
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        if not staff.authenticator_set.exists():
            TOTP.activate(staff, generate_totp_secret())
        applicant, _ = User.objects.get_or_create(email="bench-applicant@city.example")
        application = MembershipApplication.objects.create(
            organisation_name="Bench City",
            type="local-government",
            country="KE",
            city="Bench",
            contact_name="Bench",
            contact_email="bench@city.example",
            motivation="Measuring.",
            applicant=applicant,
            letter_of_intent="membership/letters/bench.pdf",
        )
        started = {}
        for number in range(count):
            step = CYCLE[number % len(CYCLE)]
            actor = applicant if step == "resubmit" else staff
            before = set(application_notifications(application))
            moved_at = time.perf_counter()
            application = perform(
                application, step, actor=actor, note="Measured." if step == "request_information" else ""
            )
            started.update({pk: moved_at for pk in set(application_notifications(application)) - before})
            wait_for(receipts, started)
        latencies = [1000 * (receipts.times[pk] - started[pk]) for pk in started if pk in receipts.times]
    finally:
        stop(worker)
        smtp.stop()
    if len(latencies) < count:
        sys.exit(f"Only {len(latencies)} of {count} notifications arrived.")
    latencies.sort()
    median, p90 = statistics.median(latencies), latencies[int(0.9 * len(latencies)) - 1]
    print(
        f"Notification latency, transition start to SMTP receipt, live worker on Redis, {count} in a row: "
        f"median {median:.1f} ms, p90 {p90:.1f} ms, max {latencies[-1]:.1f} ms"
    )


def application_notifications(application):
    from wego.notifications.models import Notification

    # Each step tells someone: the applicant of staff's steps, staff of the applicant's.
    return Notification.objects.filter(object_id=application.pk, kind="workflow:status").values_list(
        "pk", flat=True
    )


def wait_for(receipts, started, timeout=30):
    deadline = time.monotonic() + timeout
    while any(pk not in receipts.times for pk in started) and time.monotonic() < deadline:
        time.sleep(0.002)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
