"""Two staff members move the same application at the same moment, on two database connections."""

import threading

import pytest
from django.db import connection

from tests.factories import MembershipApplicationFactory, secretariat_user
from tests.states import put_in
from wego.workflow.engine import history, perform
from wego.workflow.errors import StaleState


@pytest.mark.django_db(transaction=True)
def test_exactly_one_of_two_simultaneous_moves_succeeds():
    application = MembershipApplicationFactory()
    put_in(application, "under_review")
    first, second = secretariat_user(), secretariat_user()
    both_ready = threading.Barrier(2)
    outcomes = {}

    def act(name, person, transition, note):
        # Each thread has its own Django connection, hence its own PostgreSQL session.
        try:
            both_ready.wait(timeout=10)
            moved = perform(application, transition, actor=person, note=note, seen_state="under_review")
            outcomes[name] = moved.status
        except StaleState as error:
            outcomes[name] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=("recommend", first, "recommend", "")),
        threading.Thread(target=act, args=("decline", second, "decline", "Not eligible.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    succeeded = [name for name, outcome in outcomes.items() if isinstance(outcome, str)]
    refused = [outcome for outcome in outcomes.values() if isinstance(outcome, StaleState)]
    assert len(succeeded) == 1 and len(refused) == 1
    assert "changed since you opened it" in str(refused[0])
    application.refresh_from_db()
    assert application.status == outcomes[succeeded[0]]
    assert history(application).count() == 1
