"""Redis is a cache and a task queue, not a point of failure: a real Redis of this test's own is
stopped while people use the portal, and every page still answers, every change commits, and its
mail waits in the outbox for the sweep."""

import threading

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache, caches

from tests.factories import MembershipApplicationFactory, UserFactory, secretariat_user
from tests.members.test_the_secretariat_reviews_membership_in_the_admin import can_view_applications
from tests.notifications.conftest import use_broker
from tests.realparts import RedisServer
from wego.celery import app
from wego.notifications.models import Notification
from wego.workflow.engine import history

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long pass phrase for wego"


@pytest.fixture
def private_redis(settings):
    """The portal's cache and Celery's broker on a Redis of this test's own."""
    server = RedisServer()
    settings.CACHES = {"default": {"BACKEND": "wego.cache.TolerantRedisCache", "LOCATION": server.url(1)}}
    app.conf.update(task_always_eager=False)
    use_broker(server.url(0))
    yield server
    app.conf.update(task_always_eager=True)
    use_broker("memory://")
    if server.process.poll() is None:
        server.stop()


def test_with_redis_stopped_pages_answer_and_staffs_steps_commit_with_their_mail_waiting(
    client, private_redis, report_data
):
    visitor = client.__class__()
    assert visitor.get("/driver/exchange/").status_code == 200  # the Exchange's choices now in the cache
    staff = can_view_applications(secretariat_user())
    client.force_login(staff)
    applications = [MembershipApplicationFactory() for _ in range(3)]
    Notification.objects.all().delete()

    private_redis.stop()

    for path in ["/driver/exchange/", "/driver/exchange/?q=energy", "/members/", "/", "/driver/partners/"]:
        assert visitor.get(path).status_code == 200, path
    for path in ["/my/", "/admin/", "/admin/members/membershipapplication/"]:
        assert client.get(path).status_code == 200, path
    for application in applications:
        seen = application.status
        response = client.post(
            f"/admin/members/membershipapplication/{application.pk}/transition/",
            {"transition": "start_review", "seen_state": seen, "note": ""},
        )
        assert response.status_code == 302
        application.refresh_from_db()
        assert application.status != seen and history(application).count() == 1
    waiting = Notification.objects.filter(status=Notification.Status.PENDING)
    assert waiting.count() == Notification.objects.count() >= 3  # the mail waits for the sweep


def test_with_redis_stopped_people_sign_in_and_out(client, private_redis):
    person = UserFactory(email="official@nairobi.example")
    person.set_password(PASSWORD)
    person.save()
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)

    private_redis.stop()

    response = client.post("/accounts/login/", {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/my/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/my/").status_code == 302  # signed out for good, with Redis still down


def test_what_failed_to_be_forgotten_during_an_outage_is_not_served_after_it_by_any_thread(private_redis):
    cache.set("exchange-choices", "before the change")
    private_redis.client.client_pause(10_000, all=False)  # writes wait, with the data intact
    # Another thread of the process (a gthread worker's) tries to forget it, and cannot.
    forgetting = threading.Thread(target=lambda: caches["default"].delete("exchange-choices"))
    forgetting.start()
    forgetting.join()
    assert cache.get("exchange-choices", "from the database") == "from the database"
    private_redis.client.client_unpause()

    cache.outage.unreachable_until = 0  # the few seconds the cache is left alone have passed
    assert cache.get("exchange-choices", "from the database") == "from the database"


def test_a_redis_that_refuses_writes_is_a_cache_out_of_service_not_an_error(client, private_redis):
    private_redis.client.config_set("maxmemory-policy", "noeviction")
    private_redis.client.config_set("maxmemory", "1")  # every write now answers OOM

    assert cache.set("key", "value") is None and cache.get("key", "absent") == "absent"
    assert client.get("/driver/exchange/").status_code == 200
