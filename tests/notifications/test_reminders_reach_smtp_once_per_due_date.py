"""Reminders of due dates (wego/notifications/reminders.py), as beat runs them for the Project
Implementer's milestones and reports: some days before a date and once overdue, each once per due
date however often the task runs, through the outbox to a real SMTP server by a real worker."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from organisations.access import officials_of
from programs.models import ProgressReport
from programs.services.implementation import send_due_reminders
from programs.tasks import remind_due_dates
from tests.programs.implementer_helpers import milestone_of, project_under_way
from tests.realparts import wait_until
from wego.celery import app
from wego.notifications.models import Notification, Reminder
from wego.notifications.reminders import BEFORE, OVERDUE, occasion_of

TODAY = datetime.date(2028, 3, 25)


def test_a_date_is_reminded_of_some_days_before_and_once_overdue():
    due = datetime.date(2028, 3, 31)
    assert occasion_of(due, datetime.date(2028, 3, 23), 7) is None
    assert occasion_of(due, datetime.date(2028, 3, 24), 7) == BEFORE
    assert occasion_of(due, due, 7) == BEFORE
    assert occasion_of(due, datetime.date(2028, 4, 1), 7) == OVERDUE


@pytest.mark.django_db
def test_each_due_date_is_reminded_of_once_per_occasion_and_a_moved_date_anew():
    proposal, city, consultant = project_under_way()
    milestone = milestone_of(proposal, due_on=datetime.date(2028, 3, 31))
    ProgressReport.objects.create(proposal=proposal, due_on=datetime.date(2028, 3, 28))
    assert send_due_reminders(TODAY) == 2
    assert send_due_reminders(TODAY) == 0
    people = {*officials_of(proposal.organisation_id), consultant}
    assert city in people and {n.recipient for n in Notification.objects.all()} == people
    assert Notification.objects.count() == 2 * len(people)  # two things, everyone of the project each
    subjects = sorted({n.subject for n in Notification.objects.all()})
    assert subjects[0].startswith("Due on March 28, 2028: The progress report for")
    assert send_due_reminders(datetime.date(2028, 4, 1)) == 2  # now overdue: once more each
    assert send_due_reminders(datetime.date(2028, 4, 2)) == 0
    milestone.due_on = datetime.date(2028, 4, 5)  # the date moved: reminded of the new one
    milestone.save()
    assert send_due_reminders(datetime.date(2028, 4, 2)) == 1
    assert Reminder.objects.count() == 5


@pytest.mark.django_db(transaction=True)
def test_beats_task_run_twice_by_a_real_worker_sends_one_reminder_per_due_date(worker, smtp_server):
    _, inbox = smtp_server
    proposal, city, consultant = project_under_way()
    # Due in three days: within the days before (7) on whichever day the test runs.
    milestone_of(proposal, due_on=timezone.localdate() + datetime.timedelta(days=3))
    people = {*officials_of(proposal.organisation_id), consultant}
    remind_due_dates.delay()
    assert wait_until(lambda: len(inbox.messages) == len(people), timeout=60)
    remind_due_dates.delay()  # beat fires again
    assert wait_until(worker_is_idle, timeout=60)
    assert Reminder.objects.count() == 1 and len(inbox.messages) == len(people)
    assert {address for message in inbox.messages for address in message["to"]} == {p.email for p in people}
    assert all("Inception report" in message["subject"] for message in inbox.messages)


def worker_is_idle():
    """No task waits in the queue, none is taken and waiting in the worker, and none is running."""
    with app.connection_for_write() as connection:
        if connection.default_channel.client.llen("celery"):
            return False
    inspect = app.control.inspect(timeout=1)
    active, reserved = inspect.active() or {}, inspect.reserved() or {}
    return bool(active) and not any(active.values()) and not any(reserved.values())


@pytest.mark.django_db
def test_the_day_of_the_reminders_is_seouls():
    proposal, _, _ = project_under_way()
    milestone_of(proposal, due_on=datetime.date(2028, 3, 31))
    # 23:30 UTC on 23 March is already 24 March in Seoul: seven days before the date there.
    with time_machine.travel(datetime.datetime(2028, 3, 23, 23, 30, tzinfo=datetime.UTC), tick=False):
        assert send_due_reminders() == 1
