"""A city shares a project: the form, the moderated workflow, the messages, corrections after a return."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from programs.models import Project, ProjectDraft
from programs.sharing_steps import FORMSET_STEPS, STEPS
from tests.factories import (
    AreaFactory,
    MemberFactory,
    PartnerFactory,
    RegionFactory,
    UserFactory,
    official_of,
    secretariat_user,
    verified,
)
from wego.notifications.models import Notification
from wego.workflow.engine import perform
from wego.workflow.models import TransitionRecord

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SHARE = "/driver/exchange/share/"


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def share_data(organisation, **changes):
    """What the share form posts for a complete project with one indicator, one link and one document."""
    mobility = AreaFactory(name="Public Transportation")
    data = {
        "project-organisation": str(organisation.pk),
        "project-city_name": "",
        "project-country": "",
        "project-title": "Bus priority lanes",
        "project-summary": "Lanes for buses only on the main avenues.",
        "project-areas": [str(mobility.pk)],
        "project-stage": "pilot",
        "project-start_year": "2019",
        "project-end_year": "2021",
        "project-budget_amount": "250000",
        "project-budget_currency": "usd",
        "project-funding_sources": "City budget",
        "project-other_partners": "The bus operators' union",
        "project-outcomes": "Buses 20% faster.",
        "project-lessons_learned": "Paint is cheap; enforcement is not.",
        **management("indicators", 1),
        "indicators-0-name": "Average bus speed",
        "indicators-0-unit": "km/h",
        "indicators-0-baseline": "14",
        "indicators-0-target": "20",
        "indicators-0-achieved": "17.5",
        **management("links", 1),
        "links-0-title": "The city's page",
        "links-0-url": "https://city.example/buses",
        **management("documents", 1),
        "documents-0-title": "Evaluation report",
        "documents-0-file": SimpleUploadedFile("evaluation.pdf", PDF, "application/pdf"),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def city():
    return MemberFactory(name="Bogotá", country="CO", region=RegionFactory(name="Americas"))


@pytest.fixture
def official(city):
    return official_of(city)


@pytest.fixture
def staff():
    return [secretariat_user(email="first@we-gov.org"), secretariat_user(email="second@we-gov.org")]


def step_data(step, data):
    """The part of the whole project's data that `step` asks, as its page posts it."""
    form = step.form_class()
    if step.slug in FORMSET_STEPS:
        return {key: value for key, value in data.items() if key.startswith(f"{form.prefix}-")}
    return {name: data[f"project-{name}"] for name in form.fields if f"project-{name}" in data}


def share_through_steps(client, data, **options):
    """Start a project for data's organisation, save each step and send it from the review, as a
    person does; the first page that refuses something is returned, else the review's answer."""
    response = client.post(SHARE, {"organisation": data["project-organisation"]})
    if response.status_code != 302:
        return response
    draft = ProjectDraft.objects.latest("pk")
    for step in STEPS:
        response = client.post(f"{SHARE}{draft.pk}/{step.slug}/", step_data(step, data))
        if response.status_code != 302:
            return response
    documents = {key: value for key, value in data.items() if key.startswith("documents-")}
    return client.post(f"{SHARE}{draft.pk}/review/", documents, **options)


def shared(client, official, city, **changes):
    client.force_login(official)
    response = share_through_steps(client, share_data(city, **changes))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return Project.objects.get()


def test_an_official_shares_a_project_which_waits_for_the_secretariat(
    client, official, city, staff, private_storage
):
    project = shared(client, official, city)
    assert project.status == "submitted"
    assert project.slug == "bus-priority-lanes"
    assert (project.city, project.country, project.region) == (city.organisation, city.country, city.region)
    assert (project.organisation, project.shared_by) == (city.organisation, official)
    assert project.budget_currency == "USD"
    assert [a.slug for a in project.areas.all()] == ["public-transportation"]
    indicator = project.indicators.get()
    assert (indicator.name, indicator.unit, indicator.baseline, indicator.achieved) == (
        "Average bus speed",
        "km/h",
        14,
        17.5,
    )
    assert project.links.get().url == "https://city.example/buses"
    assert project.documents.get().file.read() == PDF
    assert "bogota" in project.search_document and "paint is cheap" in project.search_document
    assert not Project.objects.published().exists()


def test_the_secretariat_is_told_in_the_same_transaction(client, official, city, staff, private_storage):
    project = shared(client, official, city)
    messages = Notification.objects.all()
    assert sorted(m.email for m in messages) == ["first@we-gov.org", "second@we-gov.org"]
    assert all(m.object_id == project.pk for m in messages)
    assert messages[0].subject == "The Exchange project “Bus priority lanes” is now “Submitted”"
    assert "A project was shared with the Exchange: publish it" in messages[0].body_text
    assert f"By: {official.email}" in messages[0].body_text
    assert f"/admin/programs/project/{project.pk}/change/" in messages[0].body_text


def test_the_sharer_is_sent_to_the_projects_page(client, official, city, private_storage):
    client.force_login(official)
    response = share_through_steps(client, share_data(city), follow=True)
    assert response.redirect_chain[-1][0] == f"/driver/exchange/shared/{Project.objects.get().pk}/"
    assert "Waiting for the Secretariat to publish it" in response.text
    assert "the project was sent to the Secretariat" in response.text


def test_another_city_can_be_named(client, official, city, private_storage):
    project = shared(client, official, city, **{"project-city_name": "Medellín", "project-country": "CO"})
    assert (project.city.name, project.city.country, project.city.kind) == (
        "Medellín",
        "CO",
        "local-government",
    )
    assert project.organisation == city.organisation
    # A city the portal did not know is seen by nobody else until the Secretariat publishes the project.
    assert not project.city.confirmed
    perform(project, "publish", actor=secretariat_user())
    project.city.refresh_from_db()
    assert project.city.confirmed


def test_a_named_city_already_on_the_portal_is_the_same_organisation(client, official, city, private_storage):
    medellin = MemberFactory(name="Medellín", country="CO")
    project = shared(client, official, city, **{"project-city_name": "medellin", "project-country": "CO"})
    assert project.city == medellin.organisation


def test_a_named_city_needs_its_country(client, official, city):
    client.force_login(official)
    response = share_through_steps(client, share_data(city, **{"project-city_name": "Medellín"}))
    assert response.status_code == 200
    assert "Choose the country of the city you named." in response.text
    assert not Project.objects.exists()


def test_partners_from_the_directory_are_linked(client, official, city, private_storage):
    partner = PartnerFactory(name="Transit Data Co")
    project = shared(client, official, city, **{"project-partners": [str(partner.pk)]})
    assert list(project.partners.all()) == [partner]
    assert "transit data co" in project.search_document


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"project-end_year": "2017"}, "The project cannot end before it starts."),
        ({"project-start_year": "1850"}, "Give a year between 1990 and"),
        ({"project-start_year": "", "project-end_year": "2020"}, "Give the start year too."),
        ({"project-budget_currency": "US$"}, "three-letter code"),
        ({"project-budget_currency": ""}, "Give the currency of the budget."),
        ({"project-budget_amount": "-5"}, "A budget cannot be negative."),
        ({"project-areas": []}, "Choose at least one area."),
        ({"project-title": ""}, "This field is required."),
        ({"project-title": "Bus\x00lanes"}, "Remove the invisible control characters"),
        ({"project-stage": "dreaming"}, "Select a valid choice."),
        ({"indicators-0-baseline": "a lot"}, "Enter a number."),
        ({"links-0-url": "javascript:alert(1)"}, "Enter a valid URL."),
        (
            {
                "documents-0-file": SimpleUploadedFile(
                    "report.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"
                )
            },
            "This file is not a PDF.",
        ),
    ],
)
def test_bad_input_is_explained_and_changes_nothing(client, official, city, staff, changes, message):
    client.force_login(official)
    response = share_through_steps(client, share_data(city, **changes))
    assert response.status_code == 200
    assert message in response.text
    assert "Please correct the fields marked below." in response.text
    assert not Project.objects.exists()
    assert not Notification.objects.exists()


def test_a_document_over_the_limit_is_refused(client, official, city, settings):
    settings.UPLOAD_MAX_BYTES = 100
    client.force_login(official)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 200, "application/pdf")
    response = share_through_steps(client, share_data(city, **{"documents-0-file": big}))
    assert "the limit is 100" in response.text
    assert not Project.objects.exists()


def test_an_organisation_the_person_does_not_act_for_is_refused(client, official, city):
    client.force_login(official)
    response = share_through_steps(client, share_data(MemberFactory(name="Someone Else")))
    assert response.status_code == 200
    assert "Choose one of the organisations you act for." in response.text
    assert not Project.objects.exists() and not ProjectDraft.objects.exists()


def test_slugs_are_unique_and_never_a_page_of_the_exchange(client, official, city, private_storage):
    client.force_login(official)
    for title in ["Compare", "Compare", "Share"]:
        share_through_steps(client, share_data(city, **{"project-title": title}))
    assert sorted(Project.objects.values_list("slug", flat=True)) == [
        "compare-project",
        "compare-project-2",
        "share-project",
    ]


def test_someone_who_acts_for_no_organisation_is_told_how_to(client, db):
    client.force_login(verified(UserFactory()))
    response = client.get(SHARE)
    assert response.status_code == 200
    assert 'href="/my/affiliations/new/"' in response.text
    assert "form" not in response.context or response.context.get("form") is None


def test_the_form_offers_only_the_persons_organisations(client, official, city):
    MemberFactory(name="Not Theirs")
    client.force_login(official)
    form = client.get(SHARE).context["start_form"]
    assert list(form.fields["organisation"].queryset) == [city.organisation]


# Moderation and corrections ---------------------------------------------------------------------


def test_publishing_puts_it_in_the_catalogue_and_tells_the_sharer(
    client, official, city, staff, private_storage
):
    project = shared(client, official, city)
    perform(project, "publish", actor=staff[0])
    project.refresh_from_db()
    assert project.status == "published" and project.published_at is not None
    assert client.get("/driver/exchange/", {"q": "bus lanes"}).context["page"].object_list[0] == project
    message = Notification.objects.get(recipient=official)
    assert message.subject == "Your project “Bus priority lanes” is published in the Exchange"
    assert f"/driver/exchange/shared/{project.pk}/" in message.body_text


def test_returned_corrected_and_resubmitted(client, official, city, staff, private_storage):
    project = shared(client, official, city)
    perform(project, "return", actor=staff[0], note="Please add the budget's source.")
    page = client.get(f"/driver/exchange/shared/{project.pk}/")
    assert "Returned to you with comments" in page.text
    assert "Please add the budget&#x27;s source." in page.text
    assert "Correct the project" in page.text
    returned = Notification.objects.get(recipient=official)
    assert "Please add the budget's source." in returned.body_text

    data = share_data(
        city,
        **{
            "project-funding_sources": "City budget and a national grant",
            **management("indicators", 1, 1),
            "indicators-0-id": str(project.indicators.get().pk),
            **management("links", 1, 1),
            "links-0-id": str(project.links.get().pk),
            **management("documents", 1, 1),
            "documents-0-id": str(project.documents.get().pk),
            "documents-0-file": None,
        },
    )
    response = client.post(f"/driver/exchange/shared/{project.pk}/correct/", data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.funding_sources == "City budget and a national grant"
    assert project.status == "returned"
    assert project.documents.count() == 1

    Notification.objects.all().delete()
    response = client.post(
        f"/driver/exchange/shared/{project.pk}/step/",
        {"transition": "resubmit", "seen_state": "returned", "note": "Added it."},
        follow=True,
    )
    assert "You submitted the project again." in response.text and "Done:" not in response.text
    project.refresh_from_db()
    assert project.status == "submitted"
    assert sorted(m.email for m in Notification.objects.all()) == ["first@we-gov.org", "second@we-gov.org"]
    message = Notification.objects.first()
    assert (
        "corrected and submitted to the Exchange again" in message.body_text
        and "Added it." in message.body_text
    )


def test_a_project_cannot_be_corrected_unless_returned(client, official, city, private_storage):
    project = shared(client, official, city)
    response = client.post(
        f"/driver/exchange/shared/{project.pk}/correct/", share_data(city, **{"project-title": "Changed"})
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Bus priority lanes"
    assert client.get(response["Location"]).status_code == 200


def test_a_correction_never_writes_back_a_state(client, official, city, staff, private_storage):
    """The state read with the form is not written back, even if a step happened meanwhile."""
    from django.test import RequestFactory

    from programs.forms.exchange import project_forms
    from programs.services.exchange import NotEditable, correct_project

    project = shared(client, official, city)
    perform(project, "return", actor=staff[0], note="Fix it.")
    project.refresh_from_db()
    request = RequestFactory().post(
        "/", share_data(city, **{"project-title": "Changed", "documents-TOTAL_FORMS": "0"})
    )
    request.user = official
    form, formsets = project_forms(request, instance=project)
    assert form.is_valid() and all(f.is_valid() for f in formsets)
    perform(project, "resubmit", actor=official)  # in another tab, meanwhile
    with pytest.raises(NotEditable):
        correct_project(form, formsets, official)
    project.refresh_from_db()
    assert (project.status, project.title) == ("submitted", "Bus priority lanes")


def test_the_sharers_page_is_404_for_other_cities(client, official, city, private_storage):
    project = shared(client, official, city)
    client.force_login(official_of(MemberFactory(name="Another City")))
    for url in ["", "correct/"]:
        assert client.get(f"/driver/exchange/shared/{project.pk}/{url}").status_code == 404
    response = client.post(f"/driver/exchange/shared/{project.pk}/step/", {"transition": "resubmit"})
    assert response.status_code == 404
    assert list(TransitionRecord.objects.values_list("transition", flat=True)) == ["share"]


def test_a_colleague_from_the_same_city_follows_it_too(client, official, city, private_storage):
    project = shared(client, official, city)
    client.force_login(official_of(city))
    assert client.get(f"/driver/exchange/shared/{project.pk}/").status_code == 200


def test_the_sharer_cannot_publish_their_own_project(client, official, city, private_storage):
    project = shared(client, official, city)
    response = client.post(
        f"/driver/exchange/shared/{project.pk}/step/", {"transition": "publish"}, follow=True
    )
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.status == "submitted"


def test_a_city_someone_else_proposed_is_not_reused_nor_confirmed_by_a_project(
    client, official, city, private_storage
):
    from organisations.models import Organisation
    from tests.factories import OrganisationFactory

    theirs = OrganisationFactory(name="Medellín", country="CO", confirmed=False, proposed_by=UserFactory())
    project = shared(client, official, city, **{"project-city_name": "Medellín", "project-country": "CO"})
    assert project.city != theirs and project.city.proposed_by == official
    perform(project, "publish", actor=secretariat_user())
    theirs.refresh_from_db()
    assert not theirs.confirmed and Organisation.objects.filter(name="Medellín").count() == 2
