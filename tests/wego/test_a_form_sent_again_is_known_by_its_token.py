"""A form that creates something carries a token of its own: sent again, it is known; shown again with
its errors, it keeps it; without one, or with someone else's, it still works as before."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import Affiliation
from programs.models import SolutionFinderApplication
from tests.factories import (
    MemberFactory,
    MembershipApplicationFactory,
    OrganisationFactory,
    UserFactory,
    official_of,
    verified,
)
from tests.states import put_in
from wego.submissions.models import FormSubmission
from wego.submissions.once import FIELD
from wego.submissions.tasks import forget_old_submissions
from wego.workflow.models import ThreadMessage

pytestmark = pytest.mark.django_db

ALREADY_SENT = "This was already sent; here it is."
REQUEST = "/my/affiliations/new/"


def token_in(page):
    """The submission token of the one form on the page that carries one."""
    (token,) = re.findall(rf'name="{FIELD}" value="([^"]*)"', page.text)
    return token


@pytest.fixture
def person(client):
    user = verified(UserFactory())
    client.force_login(user)
    return user


def test_a_form_shown_again_with_its_errors_keeps_its_token_and_then_makes_one_thing(client, person):
    city = OrganisationFactory()
    token = token_in(client.get(REQUEST))
    data = {"organisation": city.pk, "title": "CIO", "justification": "I run the city's IT.", FIELD: token}

    refused = client.post(REQUEST, {**data, "title": ""})
    assert refused.status_code == 200 and token_in(refused) == token
    first = client.post(REQUEST, data)
    again = client.post(REQUEST, data, follow=True)

    assert first.status_code == 302 and first["Location"] == reverse("dashboard")
    assert again.redirect_chain == [(reverse("dashboard"), 302)] and ALREADY_SENT in again.text
    assert Affiliation.objects.filter(user=person).count() == 1


def test_a_page_gone_back_to_changed_and_sent_again_is_a_submission_of_its_own(client, person):
    city, other = OrganisationFactory(), OrganisationFactory()
    token = token_in(client.get(REQUEST))
    client.post(REQUEST, {"organisation": city.pk, "title": "CIO", "justification": "IT.", FIELD: token})

    # The Back button shows the page as it was, token and all; the person chooses another organisation.
    changed = client.post(
        REQUEST, {"organisation": other.pk, "title": "CIO", "justification": "IT.", FIELD: token}, follow=True
    )

    assert ALREADY_SENT not in changed.text
    assert set(Affiliation.objects.filter(user=person).values_list("organisation", flat=True)) == {
        city.pk,
        other.pk,
    }


def test_a_form_without_a_token_or_with_a_bad_one_still_makes_its_thing_once(client, person):
    city, other = OrganisationFactory(), OrganisationFactory()

    without = client.post(REQUEST, {"organisation": city.pk, "title": "CIO", "justification": "IT."})
    bad = {"organisation": other.pk, "title": "CIO", "justification": "IT.", FIELD: "not a token"}
    refused = client.post(REQUEST, {**bad, "title": ""})
    with_bad = client.post(REQUEST, bad)

    assert without.status_code == 302 and with_bad.status_code == 302
    assert Affiliation.objects.filter(user=person).count() == 2
    # Shown again, the form gets a token of its own in place of the one it could not use.
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", token_in(refused))
    assert not FormSubmission.objects.exists()


def test_another_persons_token_does_not_lead_to_their_result(client):
    first_city, second_city = MemberFactory(), MemberFactory()
    first, second = official_of(first_city), official_of(second_city)
    start = reverse("programs:solution-finder-start")
    client.force_login(first)
    token = token_in(client.get(reverse("programs:solution-finder")))
    theirs = client.post(start, {"organisation": first_city.pk, FIELD: token})

    client.force_login(second)
    mine = client.post(start, {"organisation": second_city.pk, FIELD: token}, follow=True)

    own = SolutionFinderApplication.objects.get(organisation=second_city.organisation)
    assert mine.redirect_chain[0][0] == reverse("programs:application-step", args=[own.pk, "organisation"])
    assert mine.redirect_chain[0][0] != theirs["Location"] and ALREADY_SENT not in mine.text
    assert SolutionFinderApplication.objects.count() == 2


def test_a_sending_that_was_refused_leaves_the_same_form_free_to_be_sent_again(client, person):
    application = MembershipApplicationFactory(applicant=person)
    put_in(application, "submitted")
    url = reverse("members:application-message", args=[application.pk])
    data = {"body": "One more question.", FIELD: token_in(client.get(application.get_absolute_url()))}
    put_in(application, "approved")  # the thread closes while the page is open

    refused = client.post(url, data)
    put_in(application, "submitted")  # open again, as after a resubmission
    sent = client.post(url, data)

    assert refused.status_code == 200 and "The thread is closed" in refused.text
    assert sent.status_code == 302 and ThreadMessage.objects.get().body == "One more question."


def test_tokens_are_forgotten_after_a_week(person):
    old = FormSubmission.objects.create(user=person, token="a" * 32, result_url="/my/")
    recent = FormSubmission.objects.create(user=person, token="b" * 32, result_url="/my/")
    FormSubmission.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=7, minutes=1)
    )

    assert forget_old_submissions() == 1
    assert list(FormSubmission.objects.all()) == [recent]
