"""Feedback, clarification thread, introductions to partners, packages with their Plan, publication."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from programs.models import IndicatorReading, Introduction, Project, SolutionPackage
from tests.factories import PartnerFactory, SolutionFactory, official_of
from wego.notifications.models import Notification
from wego.workflow.engine import perform
from wego.workflow.models import ThreadMessage

from .sf_helpers import application_in, introduce, official_of_partner, package_for, secretariat_user

pytestmark = pytest.mark.django_db


def test_the_city_reads_the_preliminary_feedback_on_its_page_and_by_email(client):
    application = application_in("under_review")
    official = official_of(application.organisation)
    perform(application, "give_feedback", actor=secretariat_user(), note="Start with the buses' GPS data.")
    client.force_login(official)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "preliminary feedback" in page and "Start with the buses&#x27; GPS data." in page
    mail = Notification.objects.get(recipient=official, kind="workflow:status")
    assert "Start with the buses' GPS data." in mail.body_text
    assert application.get_absolute_url() in mail.body_text


def test_the_thread_notifies_the_other_side(client):
    application = application_in("under_review")
    official = official_of(application.organisation)
    staff = secretariat_user()
    client.force_login(official)
    client.post(
        reverse("programs:application-message", args=[application.pk]),
        {"body": "Here is the map.", "attachment": SimpleUploadedFile("m.png", b"\x89PNG\r\n\x1a\nxxxx")},
    )
    message = ThreadMessage.objects.get()
    assert not message.from_staff and message.attachment
    assert Notification.objects.filter(kind="workflow:thread_message", recipient=staff).count() == 1
    client.force_login(staff)
    client.post(
        reverse("admin:programs_solutionfinderapplication_message", args=[application.pk]),
        {"body": "Thanks!"},
    )
    assert ThreadMessage.objects.filter(from_staff=True).count() == 1
    assert Notification.objects.filter(kind="workflow:thread_message", recipient=official).count() == 1


def test_a_bad_attachment_in_the_thread_is_refused(client):
    application = application_in("under_review")
    client.force_login(official_of(application.organisation))
    response = client.post(
        reverse("programs:application-message", args=[application.pk]),
        {"body": "Map", "attachment": SimpleUploadedFile("m.exe", b"MZ\x90")},
        follow=True,
    )
    assert "Attach a PDF, PNG or JPEG file." in response.content.decode()
    assert not ThreadMessage.objects.exists()


def test_the_thread_of_a_draft_or_finished_application_is_closed(client):
    application = application_in("completed")
    client.force_login(official_of(application.organisation))
    client.post(reverse("programs:application-message", args=[application.pk]), {"body": "Hello"})
    assert not ThreadMessage.objects.exists()


def test_staff_propose_partners_and_both_sides_are_told(client):
    application = application_in("feedback_given")
    official = official_of(application.organisation)
    partner = PartnerFactory()
    partner_official = official_of_partner(partner)
    client.force_login(secretariat_user())
    client.post(
        reverse("admin:programs_solutionfinderapplication_propose", args=[application.pk]),
        {"partner": partner.pk, "reason": "They built Busan's flood sensors."},
    )
    introduction = Introduction.objects.get()
    assert introduction.status == "proposed"
    told = set(Notification.objects.filter(kind="workflow:status").values_list("recipient", flat=True))
    assert told == {official.pk, partner_official.pk}


def test_partners_cannot_be_proposed_before_feedback(client):
    application = application_in("under_review")
    client.force_login(secretariat_user())
    response = client.post(
        reverse("admin:programs_solutionfinderapplication_propose", args=[application.pk]),
        {"partner": PartnerFactory().pk, "reason": "Good fit."},
        follow=True,
    )
    assert "once the preliminary feedback has been given" in response.content.decode()
    assert not Introduction.objects.exists()


def test_contacts_are_shared_only_once_both_sides_accept(client):
    application = application_in("feedback_given")
    official = official_of(application.organisation)
    partner = PartnerFactory(contact_email="sales@sensors.example")
    partner_official = official_of_partner(partner)
    introduction = introduce(application, partner)
    client.force_login(official)
    assert "sales@sensors.example" not in client.get(application.get_absolute_url()).content.decode()
    client.post(
        reverse("programs:introduction-transition", args=[introduction.pk]),
        {"transition": "city_accepts", "seen_state": "proposed"},
    )
    client.force_login(partner_official)
    page = client.get(application.get_absolute_url()).content.decode()
    assert application.contact_email not in page
    client.post(
        reverse("programs:introduction-transition", args=[introduction.pk]),
        {"transition": "partner_accepts_too", "seen_state": "city_accepted"},
    )
    introduction.refresh_from_db()
    assert introduction.status == "connected"
    assert application.contact_email in client.get(application.get_absolute_url()).content.decode()
    client.force_login(official)
    assert "sales@sensors.example" in client.get(application.get_absolute_url()).content.decode()


def test_a_partner_sees_its_own_introduction_only_and_not_the_thread(client):
    application = application_in("feedback_given")
    ThreadMessage.objects.create(
        subject=application,
        author=official_of(application.organisation),
        from_staff=False,
        body="Secret",
    )
    mine, other = introduce(application), introduce(application)
    client.force_login(official_of_partner(mine.partner))
    page = client.get(application.get_absolute_url()).content.decode()
    assert mine.partner.name in page and other.partner.name not in page and "Secret" not in page
    response = client.post(
        reverse("programs:introduction-transition", args=[other.pk]),
        {"transition": "partner_accepts", "seen_state": "proposed"},
    )
    assert response.status_code == 404


def package_post(application, partner, solution, **extra):
    data = {
        "name": "Flood early warning",
        "summary": "Sensors on the river and SMS alerts.",
        "challenges": [c.pk for c in application.challenges.all()],
        "partners": [partner.pk],
        "solutions": [solution.pk],
        "stakeholders-TOTAL_FORMS": "2",
        "stakeholders-INITIAL_FORMS": "0",
        "stakeholders-MIN_NUM_FORMS": "0",
        "stakeholders-MAX_NUM_FORMS": "30",
        "stakeholders-0-name": "Ana Cruz",
        "stakeholders-0-organisation": "City Hall",
        "stakeholders-0-role": "plan",
        "stakeholders-1-name": "Jin Park",
        "stakeholders-1-organisation": partner.name,
        "stakeholders-1-role": "execute",
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "30",
        "indicators-0-name": "Warning lead time",
        "indicators-0-unit": "minutes",
        "indicators-0-baseline": "0",
        "indicators-0-target": "60",
    }
    data.update(extra)
    return data


def connected_application():
    application = application_in("partners_connected")
    partner = PartnerFactory()
    introduce(application, partner, connected=True)
    return application, partner, SolutionFactory(partner=partner)


def test_the_city_defines_a_package_with_its_plan(client):
    application, partner, solution = connected_application()
    client.force_login(official_of(application.organisation))
    response = client.post(
        reverse("programs:package-new", args=[application.pk]), package_post(application, partner, solution)
    )
    package = SolutionPackage.objects.get()
    assert response.url == reverse("programs:package", args=[application.pk, package.pk])
    assert [s.role for s in package.stakeholders.all()] == ["plan", "execute"]
    assert package.indicators.get().target == 60
    assert list(package.partners.all()) == [partner] and list(package.solutions.all()) == [solution]


def test_a_package_may_only_name_partners_the_city_is_connected_with(client):
    application, partner, solution = connected_application()
    stranger = PartnerFactory()
    client.force_login(official_of(application.organisation))
    page = client.post(
        reverse("programs:package-new", args=[application.pk]),
        package_post(application, partner, solution, partners=[stranger.pk]),
    ).content.decode()
    assert "Select a valid choice." in page
    assert not SolutionPackage.objects.exists()


def test_packages_wait_for_connected_partners(client):
    application = application_in("feedback_given")
    client.force_login(official_of(application.organisation))
    response = client.get(reverse("programs:package-new", args=[application.pk]))
    assert response.status_code == 302
    assert not SolutionPackage.objects.exists()


def test_indicators_are_updated_over_time(client):
    application, partner, solution = connected_application()
    package = package_for(application)
    indicator = package.indicators.create(name="Lead time", unit="minutes", baseline=0, target=60)
    client.force_login(official_of(application.organisation))
    url = reverse("programs:package-reading", args=[application.pk, package.pk, indicator.pk])
    client.post(url, {"value": "20", "measured_on": "2026-03-01"})
    client.post(url, {"value": "45", "measured_on": "2026-09-01"})
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    response = client.post(url, {"value": "99", "measured_on": future}, follow=True)
    assert "A value cannot be measured in the future." in response.content.decode()
    assert [r.value for r in IndicatorReading.objects.all()] == [20, 45]
    assert indicator.actual == 45


def test_a_completed_package_is_published_to_the_exchange_in_one_action(client):
    application, partner, solution = connected_application()
    package = package_for(application)
    package.partners.add(partner)
    indicator = package.indicators.create(name="Lead time", unit="minutes", baseline=0, target=60)
    IndicatorReading.objects.create(
        indicator=indicator, value=50, measured_on=datetime.date(2026, 1, 1), recorded_by=partner_user()
    )
    staff = secretariat_user()
    client.force_login(staff)
    url = reverse("programs:package-publish", args=[application.pk, package.pk])
    response = client.post(url, follow=True)
    assert "once its application is completed" in response.content.decode()
    assert not Project.objects.exists()
    perform(application, "start_implementation", actor=staff)
    perform(application, "complete", actor=staff)
    client.post(url)
    project = Project.objects.get()
    assert (
        project.status == "published"
        and project.package == package
        and project.city == application.organisation
    )
    assert project.indicators.get().achieved == 50
    assert list(project.partners.all()) == [partner]
    assert client.post(url, follow=True).content.decode().count("already in the Exchange") == 1


def partner_user():
    return official_of_partner(PartnerFactory())


def test_a_city_publishing_its_package_goes_through_moderation(client):
    application = application_in("completed")
    package = package_for(application)
    staff = secretariat_user()
    client.force_login(official_of(application.organisation))
    client.post(reverse("programs:package-publish", args=[application.pk, package.pk]))
    project = Project.objects.get()
    assert project.status == "submitted"
    assert Notification.objects.filter(kind="workflow:status", recipient=staff).exists()
