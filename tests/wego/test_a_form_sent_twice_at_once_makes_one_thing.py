"""Every form that creates something, sent twice at the same moment (a double click, a retried
request) on two database connections by the same person with the same token: one thing is made, one
set of mail is written, and the second answer sends the person to the first's result, saying so.

A new create path is one more function below and one more line in CREATE_PATHS.
"""

import datetime
import threading
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members.models import MembershipApplication
from organisations.models import Affiliation, Organisation
from programs.models import (
    ApplicationAttachment,
    Challenge,
    IndicatorReading,
    Project,
    ProjectDraft,
    ProjectLink,
    Solution,
    SolutionFinderApplication,
    SolutionPackage,
)
from programs.sharing_steps import STEPS as SHARING_STEPS
from tests.factories import (
    AreaFactory,
    MemberFactory,
    MembershipApplicationFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    UserFactory,
    membership_application_form,
    official_of,
    secretariat_user,
    verified,
)
from tests.programs.sf_helpers import application_in, introduce, package_for
from tests.states import put_in
from wego.drafts import keep_typed
from wego.notifications.models import Notification
from wego.submissions.once import FIELD
from wego.workflow.models import ThreadMessage

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ALREADY_SENT = "This was already sent; here it is."


@dataclass
class Sending:
    """A form that creates something: who sends it, the page that shows it, where it posts, what it
    posts (a function, so that each sending has its own uploaded files) and a count of what it makes."""

    person: object
    page: str
    action: str
    data: object
    made: object


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def pdf(name="file.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def a_membership_application():
    secretariat_user()  # someone to tell
    return Sending(
        person=verified(UserFactory()),
        page=reverse("members:apply"),
        action=reverse("members:apply"),
        data=lambda: membership_application_form(letter_of_intent=pdf("letter.pdf")),
        made=MembershipApplication.objects.count,
    )


def a_message_about_a_membership_application():
    secretariat_user()
    application = MembershipApplicationFactory(applicant=verified(UserFactory()))
    put_in(application, "submitted")
    return Sending(
        person=application.applicant,
        page=application.get_absolute_url(),
        action=reverse("members:application-message", args=[application.pk]),
        data=lambda: {"body": "Our letter is signed by the mayor."},
        made=ThreadMessage.objects.count,
    )


def a_solution_finder_draft():
    member = MemberFactory()
    return Sending(
        person=official_of(member),
        page=reverse("programs:solution-finder"),
        action=reverse("programs:solution-finder-start"),
        data=lambda: {"organisation": member.pk},
        made=SolutionFinderApplication.objects.count,
    )


def a_challenge_of_a_draft():
    application = application_in("draft")
    application.challenges.all().delete()
    area = AreaFactory(name="Water Management")
    page = reverse("programs:application-step", args=[application.pk, "challenges"])
    return Sending(
        person=official_of(application.organisation),
        page=page,
        action=page,
        data=lambda: {
            **management("challenges", 1),
            "challenges-0-area": area.pk,
            "challenges-0-problem_statement": "Floods close the ring road every rainy season.",
            "challenges-0-affected": "Commuters and shops on the ring road.",
            "challenges-0-current_situation": "Manual gauges read once a day.",
            "challenges-0-priority": "high",
            "add_another": "",
        },
        made=Challenge.objects.count,
    )


def an_attachment_of_a_draft():
    application = application_in("draft")
    page = reverse("programs:application-step", args=[application.pk, "attachments"])
    return Sending(
        person=official_of(application.organisation),
        page=page,
        action=page,
        data=lambda: {"title": "Flood map", "file": pdf("map.pdf")},
        made=ApplicationAttachment.objects.count,
    )


def a_message_about_a_solution_finder_application():
    secretariat_user()
    application = application_in("under_review")
    return Sending(
        person=official_of(application.organisation),
        page=application.get_absolute_url(),
        action=reverse("programs:application-message", args=[application.pk]),
        data=lambda: {"body": "Here is the map of the floods."},
        made=ThreadMessage.objects.count,
    )


def a_message_from_staff_in_the_admin():
    application = application_in("under_review")
    official_of(application.organisation)
    return Sending(
        person=secretariat_user(),
        page=reverse("admin:programs_solutionfinderapplication_change", args=[application.pk]),
        action=reverse("admin:programs_solutionfinderapplication_message", args=[application.pk]),
        data=lambda: {"body": "Could you send the gauges' readings?"},
        made=ThreadMessage.objects.count,
    )


def connected_application():
    application = application_in("partners_connected")
    partner = PartnerFactory()
    introduce(application, partner, connected=True)
    return application, partner


def a_solution_package():
    application, partner = connected_application()
    return Sending(
        person=official_of(application.organisation),
        page=reverse("programs:package-new", args=[application.pk]),
        action=reverse("programs:package-new", args=[application.pk]),
        data=lambda: {
            "name": "Flood early warning",
            "summary": "Sensors on the river and SMS alerts.",
            "challenges": [c.pk for c in application.challenges.all()],
            "partners": [partner.pk],
            **management("stakeholders", 1),
            "stakeholders-0-name": "Ana Cruz",
            "stakeholders-0-organisation": "City Hall",
            "stakeholders-0-role": "plan",
            **management("indicators", 1),
            "indicators-0-name": "Warning lead time",
            "indicators-0-unit": "minutes",
            "indicators-0-baseline": "0",
            "indicators-0-target": "60",
        },
        made=SolutionPackage.objects.count,
    )


def a_reading_of_an_indicator():
    application, _ = connected_application()
    package = package_for(application)
    indicator = package.indicators.create(name="Lead time", unit="minutes", baseline=0, target=60)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    return Sending(
        person=official_of(application.organisation),
        page=reverse("programs:package", args=[application.pk, package.pk]),
        action=reverse("programs:package-reading", args=[application.pk, package.pk, indicator.pk]),
        data=lambda: {"value": "20", "measured_on": yesterday.isoformat()},
        made=IndicatorReading.objects.count,
    )


def a_package_published_to_the_exchange():
    secretariat_user()
    application = application_in("completed")
    package = package_for(application)
    return Sending(
        person=official_of(application.organisation),
        page=reverse("programs:package", args=[application.pk, package.pk]),
        action=reverse("programs:package-publish", args=[application.pk, package.pk]),
        data=dict,
        made=Project.objects.count,
    )


def project_data(member, title="Bus priority lanes"):
    area = AreaFactory(name="Public Transportation")
    return lambda: {
        "project-organisation": str(member.pk),
        "project-title": title,
        "project-summary": "Lanes for buses only on the main avenues.",
        "project-areas": [str(area.pk)],
        "project-stage": "pilot",
        "project-start_year": "2019",
        **management("indicators"),
        **management("links", 1),
        "links-0-title": "The city's page",
        "links-0-url": "https://city.example/buses",
        **management("documents", 1),
        "documents-0-title": "Evaluation report",
        "documents-0-file": pdf("evaluation.pdf"),
    }


def a_project_started_for_the_exchange():
    member = MemberFactory()
    return Sending(
        person=official_of(member),
        page=reverse("programs:exchange-share"),
        action=reverse("programs:exchange-share"),
        data=lambda: {"organisation": str(member.pk)},
        made=ProjectDraft.objects.count,
    )


def a_project_shared_with_the_exchange(member=None):
    """Sent from the review of a draft whose every step is saved complete."""
    secretariat_user()
    member = member or MemberFactory()
    official = official_of(member)
    draft = ProjectDraft.objects.create(organisation=member.organisation, started_by=official)
    data = project_data(member)
    typed = {
        key.removeprefix("project-"): value
        for key, value in data().items()
        if not key.startswith("documents-")
    }
    for step in SHARING_STEPS:
        keep_typed(draft, step, step.form_class(QueryDict(urlencode(typed, doseq=True))))
    draft.save()
    page = reverse("programs:exchange-share-review", args=[draft.pk])
    return Sending(
        person=official,
        page=page,
        action=page,
        data=lambda: {key: value for key, value in data().items() if key.startswith("documents-")},
        made=Project.objects.count,
    )


def a_link_added_to_a_returned_project():
    member = MemberFactory()
    official = official_of(member)
    project = put_in(ProjectFactory(city=member, organisation=member, shared_by=official), "returned")
    page = reverse("programs:exchange-correct", args=[project.pk])
    return Sending(
        person=official,
        page=page,
        action=page,
        data=project_data(member, title=project.title),
        made=ProjectLink.objects.count,
    )


def a_solution_in_the_catalogue():
    partner = PartnerFactory(name="Partner A")
    page = reverse("programs:solution-new", args=[partner.organisation.slug])
    area = AreaFactory(name="Water Management")
    return Sending(
        person=official_of(partner),
        page=page,
        action=page,
        data=lambda: {
            "name": "Flow Meter",
            "summary": "Measures the flow in the mains.",
            "areas": [area.pk],
            "maturity": "pilot",
            "price_model": "subscription",
            "deployed_elsewhere": "Lyon",
        },
        made=Solution.objects.count,
    )


def a_request_to_act_for_an_organisation():
    secretariat_user()
    city = OrganisationFactory()
    return Sending(
        person=verified(UserFactory()),
        page=reverse("affiliation-request"),
        action=reverse("affiliation-request"),
        data=lambda: {"organisation": city.pk, "title": "CIO", "justification": "I run the city's IT."},
        made=Affiliation.objects.count,
    )


def a_request_to_act_for_an_organisation_not_listed():
    secretariat_user()
    return Sending(
        person=verified(UserFactory()),
        page=reverse("affiliation-request"),
        action=reverse("affiliation-request"),
        data=lambda: {
            "new_name": "Port Louis",
            "new_kind": "local-government",
            "new_country": "MU",
            "title": "CIO",
            "justification": "I run the city's IT.",
        },
        made=lambda: (Organisation.objects.count(), Affiliation.objects.count()),
    )


CREATE_PATHS = [
    a_membership_application,
    a_message_about_a_membership_application,
    a_solution_finder_draft,
    a_challenge_of_a_draft,
    an_attachment_of_a_draft,
    a_message_about_a_solution_finder_application,
    a_message_from_staff_in_the_admin,
    a_solution_package,
    a_reading_of_an_indicator,
    a_package_published_to_the_exchange,
    a_project_started_for_the_exchange,
    a_project_shared_with_the_exchange,
    a_link_added_to_a_returned_project,
    a_solution_in_the_catalogue,
    a_request_to_act_for_an_organisation,
    a_request_to_act_for_an_organisation_not_listed,
]


class Forms(HTMLParser):
    """The forms of a page: {action: {input name: value}}, an empty action meaning the page itself."""

    def __init__(self, page):
        super().__init__()
        self.page, self.forms, self.current = page, {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.current = self.forms.setdefault(attrs.get("action") or self.page, {})
        elif tag == "input" and self.current is not None and attrs.get("name"):
            self.current[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def token_of_the_form(client, sending):
    """The token the page gives the form that posts to the sending's action."""
    page = client.get(sending.page)
    assert page.status_code == 200
    forms = Forms(sending.page)
    forms.feed(page.text)
    return forms.forms[sending.action][FIELD]


def send_at_once(sending, data, actions=None):
    """Post `data()` twice at the same moment, each from its own client and database connection, to
    the sending's action (or to each of two `actions`); returns the two clients with their answers."""
    actions = actions or [sending.action, sending.action]
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(sending.person)
    both_ready = threading.Barrier(2)
    answers = [None, None]

    def send(number):
        try:
            posted = data()
            both_ready.wait(timeout=10)
            answers[number] = clients[number].post(actions[number], posted)
        except Exception as error:  # shown by the assertion below rather than lost in the thread
            answers[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(number,)) for number in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return list(zip(clients, answers, strict=True))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("create_path", CREATE_PATHS, ids=lambda path: path.__name__)
def test_the_same_form_sent_twice_at_once_makes_one_thing(create_path, private_storage):
    sending = create_path()
    viewer = Client()
    viewer.force_login(sending.person)
    token = token_of_the_form(viewer, sending)
    before, mail_before = sending.made(), set(Notification.objects.values_list("pk", flat=True))

    sent = send_at_once(sending, lambda: {**sending.data(), FIELD: token})

    answers = [answer for _, answer in sent]
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    made = sending.made()
    if isinstance(before, tuple):
        assert made == tuple(count + 1 for count in before)
    else:
        assert made == before + 1
    # One set of mail: nobody is told twice of the same thing.
    mail = Notification.objects.exclude(pk__in=mail_before)
    assert all(count == 1 for count in Counter(mail.values_list("recipient", "kind")).values())
    # Both are sent to the one result; the second is told why.
    assert answers[0]["Location"].split("#")[0] == answers[1]["Location"].split("#")[0]
    pages = [client.get(answer["Location"]) for client, answer in sent]
    assert [page.status_code for page in pages] == [200, 200]
    assert sorted(ALREADY_SENT in page.text for page in pages) == [False, True]


@pytest.mark.django_db(transaction=True)
def test_two_projects_of_the_same_title_shared_at_once_both_get_an_address(private_storage):
    member = MemberFactory()
    sendings = [a_project_shared_with_the_exchange(member) for _ in range(2)]
    person = sendings[0].person
    for sending in sendings[1:]:
        sending.person = person
    viewer = Client()
    viewer.force_login(person)
    tokens = [token_of_the_form(viewer, sending) for sending in sendings]
    assert tokens[0] != tokens[1]
    posts = iter(tokens)
    lock = threading.Lock()

    def data():
        with lock:
            return {**sendings[0].data(), FIELD: next(posts)}

    actions = [sending.action for sending in sendings]
    answers = [answer for _, answer in send_at_once(sendings[0], data, actions)]

    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    assert sorted(Project.objects.values_list("slug", flat=True)) == [
        "bus-priority-lanes",
        "bus-priority-lanes-2",
    ]
