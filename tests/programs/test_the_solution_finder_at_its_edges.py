"""The Solution Finder's edge cases: stale saves, tampered forms, closed introductions, kept files,
versions read in another language, and people who are not meant to act."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from programs.forms.solution_finder import GoalsForm
from programs.models import ApplicationAttachment, Challenge, Introduction, SolutionPackage
from programs.services import solution_finder as services
from programs.steps import BY_SLUG
from tests.factories import PartnerFactory, SolutionFactory, UserFactory, official_of, verified
from tests.states import put_in
from wego.workflow.engine import perform
from wego.workflow.errors import NotReady
from wego.workflow.models import ThreadMessage
from wego.workflow.versions import changes, versions_of

from .sf_helpers import application_in, introduce, official_of_partner, secretariat_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def test_saving_a_step_from_a_stale_page_keeps_what_another_official_saved_meanwhile():
    application = application_in("draft")
    stale = type(application).objects.get(pk=application.pk)  # official A opened the page
    meanwhile = type(application).objects.get(pk=application.pk)
    meanwhile.existing_infrastructure = "Fibre in every district."  # official B saved another step
    services.save_step(meanwhile, BY_SLUG["infrastructure"], None)
    type(application).objects.filter(pk=application.pk).update(
        existing_infrastructure="Fibre in every district."
    )
    form = GoalsForm({"goals": "Clean water.", "expected_outcomes": "No outages."}, instance=stale)
    assert form.is_valid()
    services.save_step(stale, BY_SLUG["goals"], form)
    application.refresh_from_db()
    assert application.goals == "Clean water."
    assert application.existing_infrastructure == "Fibre in every district."


def test_a_step_save_never_writes_the_state():
    application = application_in("draft")
    stale = type(application).objects.get(pk=application.pk)
    type(application).objects.filter(pk=application.pk).update(status="clarification_requested")
    form = GoalsForm({"goals": "Clean water.", "expected_outcomes": "No outages."}, instance=stale)
    assert form.is_valid()
    services.save_step(stale, BY_SLUG["goals"], form)
    application.refresh_from_db()
    assert application.status == "clarification_requested"


def challenge_post(challenge, **overrides):
    data = {
        "challenges-TOTAL_FORMS": "2",
        "challenges-INITIAL_FORMS": "1",
        "challenges-MIN_NUM_FORMS": "1",
        "challenges-MAX_NUM_FORMS": "10",
        "challenges-0-id": challenge.pk,
        "challenges-0-area": challenge.area_id,
        "challenges-0-problem_statement": "Changed by a forged form.",
        "challenges-0-affected": "x",
        "challenges-0-current_situation": "x",
        "challenges-0-priority": "low",
    }
    data.update(overrides)
    return data


def test_a_challenge_of_another_application_cannot_be_edited_through_the_form(client):
    mine = application_in("draft")
    theirs = application_in("draft")
    their_challenge = theirs.challenges.get()
    client.force_login(official_of(mine.organisation))
    response = client.post(
        reverse("programs:application-step", args=[mine.pk, "challenges"]), challenge_post(their_challenge)
    )
    assert response.status_code in (200, 302)
    their_challenge.refresh_from_db()
    assert their_challenge.problem_statement == "Buses arrive unpredictably."
    assert their_challenge.application == theirs


def test_the_only_challenge_cannot_be_removed(client):
    application = application_in("draft")
    challenge = application.challenges.get()
    client.force_login(official_of(application.organisation))
    data = challenge_post(challenge, **{"challenges-TOTAL_FORMS": "1", "challenges-0-DELETE": "on"})
    page = client.post(reverse("programs:application-step", args=[application.pk, "challenges"]), data)
    assert "Describe at least one urban challenge." in page.content.decode()
    assert Challenge.objects.filter(pk=challenge.pk).exists()


def test_an_application_has_ten_attachments_at_most(client):
    application = application_in("draft")
    for number in range(services.MAX_ATTACHMENTS):
        ApplicationAttachment.objects.create(
            application=application,
            title=f"File {number}",
            uploaded_by=UserFactory(),
            file=ContentFile(PDF, "f.pdf"),
        )
    client.force_login(official_of(application.organisation))
    page = client.post(
        reverse("programs:application-step", args=[application.pk, "attachments"]),
        {"title": "One more", "file": SimpleUploadedFile("more.pdf", PDF)},
    ).content.decode()
    assert "An application can have 10 attachments at most." in page
    assert application.attachments.count() == 10


def test_a_file_wego_already_received_is_kept_with_its_version(client):
    application = application_in("draft")
    official = official_of(application.organisation)
    attachment = ApplicationAttachment.objects.create(
        application=application, title="Flood map", uploaded_by=official, file=ContentFile(PDF, "map.pdf")
    )
    perform(application, "submit", actor=official)
    staff = secretariat_user()
    perform(application, "start_review", actor=staff)
    perform(application, "request_clarification", actor=staff, note="Which districts?")
    client.force_login(official)
    response = client.post(
        reverse("programs:application-attachment-remove", args=[application.pk, attachment.pk]), follow=True
    )
    assert "so it is kept" in response.content.decode()
    attachment.refresh_from_db()
    assert attachment.file.storage.exists(attachment.file.name)


def test_a_file_added_since_the_last_submission_can_be_removed(client):
    application = application_in("draft")
    official = official_of(application.organisation)
    attachment = ApplicationAttachment.objects.create(
        application=application, title="Draft map", uploaded_by=official, file=ContentFile(PDF, "draft.pdf")
    )
    client.force_login(official)
    client.post(reverse("programs:application-attachment-remove", args=[application.pk, attachment.pk]))
    assert not application.attachments.exists()


def test_versions_submitted_in_two_languages_show_no_false_change():
    application = application_in("draft")
    official = official_of(application.organisation)
    with translation.override("ko"):
        perform(application, "submit", actor=official)
    staff = secretariat_user()
    perform(application, "start_review", actor=staff)
    perform(application, "request_clarification", actor=staff, note="Anything to add?")
    with translation.override("en"):
        perform(application, "resubmit", actor=official)
    first, second = versions_of(application)
    assert changes(type(application), second, first) == []


def test_staff_read_the_changes_in_their_own_language():
    application = application_in("draft")
    official = official_of(application.organisation)
    perform(application, "submit", actor=official)
    staff = secretariat_user()
    perform(application, "start_review", actor=staff)
    perform(application, "request_clarification", actor=staff, note="Budget?")
    type(application).objects.filter(pk=application.pk).update(budget_range="1m-5m")
    application.refresh_from_db()
    perform(application, "resubmit", actor=official)
    first, second = versions_of(application)
    assert changes(type(application), second, first) == [
        ("budget range", "USD 100,000 to 500,000", "USD 1 to 5 million")
    ]


@pytest.mark.parametrize("ended", ["declined", "withdrawn"])
def test_a_partner_loses_sight_of_the_city_when_the_introduction_ends(client, ended):
    application = application_in("feedback_given")
    introduction = introduce(application)
    client.force_login(official_of_partner(introduction.partner))
    assert client.get(application.get_absolute_url()).status_code == 200
    put_in(introduction, ended)
    assert client.get(application.get_absolute_url()).status_code == 404


def test_an_introduction_cannot_be_answered_once_the_application_is_withdrawn(client):
    application = application_in("feedback_given")
    introduction = put_in(introduce(application), "city_accepted")
    partner_official = official_of_partner(introduction.partner)
    perform(application, "withdraw", actor=official_of(application.organisation))
    introduction.refresh_from_db()
    with pytest.raises(NotReady):
        perform(introduction, "partner_accepts_too", actor=partner_official)
    introduction.refresh_from_db()
    assert introduction.status == "city_accepted"


def test_staff_outside_the_secretariat_cannot_write_in_the_thread_or_propose(client):
    application = application_in("feedback_given")
    staff = verified(UserFactory(is_staff=True))
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="view_solutionfinderapplication"))
    client.force_login(staff)
    message = client.post(
        reverse("admin:programs_solutionfinderapplication_message", args=[application.pk]), {"body": "Hi"}
    )
    propose = client.post(
        reverse("admin:programs_solutionfinderapplication_propose", args=[application.pk]),
        {"partner": PartnerFactory().pk, "reason": "Good."},
    )
    assert message.status_code in (302, 403) and propose.status_code in (302, 403)
    assert not ThreadMessage.objects.exists() and not Introduction.objects.exists()


def test_a_package_may_not_name_a_challenge_of_another_application(client):
    application = application_in("partners_connected")
    partner = PartnerFactory()
    introduce(application, partner, connected=True)
    other = application_in("partners_connected")
    client.force_login(official_of(application.organisation))
    page = client.post(
        reverse("programs:package-new", args=[application.pk]),
        {
            "name": "Borrowed",
            "challenges": [other.challenges.get().pk],
            "stakeholders-TOTAL_FORMS": "0",
            "stakeholders-INITIAL_FORMS": "0",
            "indicators-TOTAL_FORMS": "0",
            "indicators-INITIAL_FORMS": "0",
        },
    ).content.decode()
    assert "Select a valid choice." in page
    assert not SolutionPackage.objects.exists()


def test_a_solution_comes_with_its_partner(client):
    application = application_in("partners_connected")
    first, second = PartnerFactory(), PartnerFactory()
    introduce(application, first, connected=True)
    introduce(application, second, connected=True)
    solution = SolutionFactory(partner=second)
    client.force_login(official_of(application.organisation))
    page = client.post(
        reverse("programs:package-new", args=[application.pk]),
        {
            "name": "Mixed",
            "challenges": [application.challenges.get().pk],
            "partners": [first.pk],
            "solutions": [solution.pk],
            "stakeholders-TOTAL_FORMS": "0",
            "stakeholders-INITIAL_FORMS": "0",
            "indicators-TOTAL_FORMS": "0",
            "indicators-INITIAL_FORMS": "0",
        },
    ).content.decode()
    assert "Also choose the partner of each solution" in page
    assert not SolutionPackage.objects.exists()


def test_a_refused_message_keeps_what_was_typed(client):
    application = application_in("under_review")
    client.force_login(official_of(application.organisation))
    response = client.post(
        reverse("programs:application-message", args=[application.pk]),
        {"body": "Our long answer about the gauges.", "attachment": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Our long answer about the gauges." in page and "Attach a PDF, PNG or JPEG file." in page


def test_an_overlong_note_is_refused_not_cut(client):
    application = application_in("clarification_requested")
    client.force_login(official_of(application.organisation))
    client.post(
        reverse("programs:application-transition", args=[application.pk]),
        {"transition": "resubmit", "seen_state": "clarification_requested", "note": "x" * 5001},
    )
    application.refresh_from_db()
    assert application.status == "clarification_requested"


def test_downloads_are_named_from_their_checked_type(client):
    application = application_in("under_review")
    official = official_of(application.organisation)
    attachment = ApplicationAttachment.objects.create(
        application=application, title="Flood map", uploaded_by=official, file=ContentFile(PDF, "evil.html")
    )
    client.force_login(official)
    response = client.get(reverse("programs:application-attachment", args=[application.pk, attachment.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="flood-map.pdf"' in response["Content-Disposition"]


def test_an_indicator_with_recorded_values_is_not_deleted(client):
    import datetime

    from programs.models import IndicatorReading

    from .sf_helpers import package_for

    application = application_in("implementing")
    official = official_of(application.organisation)
    package = package_for(application)
    indicator = package.indicators.create(name="Lead time", unit="minutes", baseline=0, target=60)
    IndicatorReading.objects.create(
        indicator=indicator, value=30, measured_on=datetime.date(2026, 5, 1), recorded_by=official
    )
    client.force_login(official)
    page = client.post(
        reverse("programs:package-edit", args=[application.pk, package.pk]),
        {
            "name": package.name,
            "challenges": [application.challenges.get().pk],
            "stakeholders-TOTAL_FORMS": "0",
            "stakeholders-INITIAL_FORMS": "0",
            "indicators-TOTAL_FORMS": "1",
            "indicators-INITIAL_FORMS": "1",
            "indicators-0-id": indicator.pk,
            "indicators-0-name": "Lead time",
            "indicators-0-unit": "minutes",
            "indicators-0-baseline": "0",
            "indicators-0-target": "60",
            "indicators-0-DELETE": "on",
        },
    ).content.decode()
    assert "has recorded values; it is kept" in page
    assert IndicatorReading.objects.filter(indicator=indicator).exists()
