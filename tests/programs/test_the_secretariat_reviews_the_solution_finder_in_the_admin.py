"""The Secretariat's queue and application page in the admin."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from programs.models import SolutionFinderApplication
from tests.factories import AreaFactory, MemberFactory, RegionFactory, official_of
from wego.workflow.engine import perform
from wego.workflow.models import TransitionRecord

from .sf_helpers import application_in, introduce, package_for, secretariat_user

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:programs_solutionfinderapplication_changelist")


def waited(application, days):
    """Pretend the application's last step was `days` ago."""
    TransitionRecord.objects.create(
        content_type=ContentType.objects.get_for_model(SolutionFinderApplication),
        object_id=application.pk,
        workflow="solution-finder",
        transition="submit",
        from_state="draft",
        to_state=application.status,
    )
    TransitionRecord.objects.filter(object_id=application.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def names_in(response):
    return [str(application) for application in response.context["cl"].result_list]


def test_the_queue_puts_the_longest_waiting_first_and_hides_drafts(client):
    recent, old, oldest = (application_in("submitted") for _ in range(3))
    waited(recent, 1), waited(old, 10), waited(oldest, 40)
    draft = application_in("draft")
    client.force_login(secretariat_user())
    response = client.get(QUEUE)
    assert names_in(response) == [str(oldest), str(old), str(recent)]
    assert str(draft) not in response.content.decode()


def test_the_queue_filters_by_state_area_region_and_age(client):
    europe = RegionFactory(name="Europe")
    water = AreaFactory(name="Water Management")
    in_europe = application_in("under_review", organisation=MemberFactory(region=europe))
    in_europe.challenges.update(area=water)
    elsewhere = application_in("submitted")
    waited(in_europe, 45), waited(elsewhere, 2)
    client.force_login(secretariat_user())
    assert names_in(client.get(QUEUE, {"status": "under_review"})) == [str(in_europe)]
    assert names_in(client.get(QUEUE, {"area": water.slug})) == [str(in_europe)]
    assert names_in(client.get(QUEUE, {"region": "europe"})) == [str(in_europe)]
    assert names_in(client.get(QUEUE, {"waiting": "month"})) == [str(in_europe)]


def test_the_queue_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    client.force_login(secretariat_user())
    for _ in range(3):
        application_in("submitted")
    with django_assert_max_num_queries(20) as few:
        client.get(QUEUE)
    for _ in range(30):
        application_in("submitted")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(QUEUE)


def test_staff_see_what_changed_after_a_clarification_round(client):
    application = application_in("draft")
    official = official_of(application.organisation)
    staff = secretariat_user()
    perform(application, "submit", actor=official)
    perform(application, "start_review", actor=staff)
    perform(application, "request_clarification", actor=staff, note="How many buses?")
    application.refresh_from_db()
    application.existing_infrastructure = "GPS units on all 120 buses."
    application.save()
    perform(application, "resubmit", actor=official)
    client.force_login(staff)
    page = client.get(reverse("admin:programs_solutionfinderapplication_change", args=[application.pk]))
    html = page.content.decode()
    assert "What changed since the previous version" in html
    assert "<del>GPS units on 40 buses.</del>" in html and "<ins>GPS units on all 120 buses.</ins>" in html
    assert "How many buses?" in html  # the history with the clarification request
    assert 'value="start_review"' in html  # the next step's button


def test_the_application_page_shows_thread_partners_and_packages(client):
    application = application_in("partners_connected")
    introduction = introduce(application, connected=True)
    package_for(application, name="Flood early warning")
    from tests.factories import PartnerFactory

    PartnerFactory()  # one partner not proposed yet, so the proposal form is offered
    client.force_login(secretariat_user())
    html = client.get(
        reverse("admin:programs_solutionfinderapplication_change", args=[application.pk])
    ).content
    html = html.decode()
    assert introduction.partner.name in html and "Flood early warning" in html
    assert reverse("admin:programs_solutionfinderapplication_message", args=[application.pk]) in html
    assert reverse("admin:programs_solutionfinderapplication_propose", args=[application.pk]) in html


def test_staff_without_a_second_factor_cannot_move_an_application(client):
    from tests.factories import UserFactory, verified

    application = application_in("submitted")
    staff = verified(UserFactory(is_staff=True, is_superuser=True))
    client.force_login(staff)
    response = client.post(
        reverse("admin:programs_solutionfinderapplication_transition", args=[application.pk]),
        {"transition": "start_review", "seen_state": "submitted"},
    )
    assert response.status_code == 302 and response.url == reverse("mfa_activate_totp")
    on_the_site = client.post(
        reverse("programs:application-transition", args=[application.pk]),
        {"transition": "start_review", "seen_state": "submitted"},
    )
    assert on_the_site.status_code == 404  # without a second factor, staff see no one's application
    application.refresh_from_db()
    assert application.status == "submitted"


def test_no_proposal_form_once_every_partner_was_proposed(client):
    application = application_in("feedback_given")
    introduce(application)
    client.force_login(secretariat_user())
    html = client.get(
        reverse("admin:programs_solutionfinderapplication_change", args=[application.pk])
    ).content
    assert (
        reverse("admin:programs_solutionfinderapplication_propose", args=[application.pk])
        not in html.decode()
    )


def test_applications_and_introductions_are_never_deleted_in_the_admin(client):
    application = application_in("under_review")
    introduction = introduce(application)
    client.force_login(secretariat_user(is_superuser=True))
    for name, pk in [
        ("admin:programs_solutionfinderapplication_delete", application.pk),
        ("admin:programs_introduction_delete", introduction.pk),
    ]:
        assert client.post(reverse(name, args=[pk]), {"post": "yes"}).status_code == 403
    assert type(application).objects.filter(pk=application.pk).exists()
