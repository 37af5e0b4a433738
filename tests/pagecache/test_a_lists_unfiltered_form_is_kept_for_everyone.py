"""A public list's filter form, unfiltered (the list as most visitors open it), is the same for every
visitor and person: kept once for all of them under what the page shows, and made again on the next
request after any change to it. A filtered form shows back what was asked, so it is made every time."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from tests.factories import AreaFactory, MemberFactory, ProjectFactory, official_of

pytestmark = pytest.mark.django_db

FORM_FIELDS = "partials/filter_form_fields.html"


def rendered_templates(response):
    return [template.name for template in response.templates]


def filter_form(response):
    """The list's filter form, apart from the rows (which name countries and areas too)."""
    html = response.text
    start = html.index('role="search"')
    return html[start : html.index("</form>", start)]


@pytest.fixture
def person(client):
    """Signed in, so that no page comes whole from the page cache: only the kept form may."""
    person = official_of(MemberFactory(name="Ulaanbaatar", country="MN"))
    client.force_login(person)
    return person


@pytest.mark.parametrize("url", ["/members/", "/driver/exchange/", "/driver/partners/", "/events/"])
def test_a_lists_unfiltered_form_is_made_once_and_then_kept(client, person, url):
    first = client.get(url)
    assert FORM_FIELDS in rendered_templates(first)
    again = client.get(url)
    assert FORM_FIELDS not in rendered_templates(again)
    assert 'name="q"' in again.text


def test_a_filtered_form_is_made_every_time_and_shows_what_was_asked(client, person):
    client.get("/members/")
    response = client.get("/members/?q=ulaan")
    assert FORM_FIELDS in rendered_templates(response)
    assert 'value="ulaan"' in response.text


def test_a_new_choice_is_in_the_kept_form_on_the_next_request(client, person):
    client.get("/members/")
    assert ">Kenya<" not in filter_form(client.get("/members/"))
    MemberFactory(name="Nairobi", country="KE")
    assert ">Kenya<" in filter_form(client.get("/members/"))


def test_a_renamed_area_is_in_the_exchanges_kept_form_on_the_next_request(client, person):
    area = AreaFactory(name="Mobility")
    ProjectFactory(title="Smart bus stops", areas=[area])
    assert ">Mobility<" in filter_form(client.get("/driver/exchange/"))
    area.name = "Urban mobility"
    area.save()
    assert ">Urban mobility<" in filter_form(client.get("/driver/exchange/"))


def test_the_form_is_kept_in_each_language_apart(client, person):
    english = client.get("/members/").text
    korean = client.get("/ko/members/").text
    assert "All countries" in english and "All countries" not in korean


def test_on_a_page_that_is_not_public_the_part_is_made_every_time():
    template = Template(
        '{% load pagecache %}{% kept_for_everyone "part" %}{{ word }}{% endkept_for_everyone %}'
    )
    request = RequestFactory().get("/my/")
    assert template.render(Context({"request": request, "word": "one"})) == "one"
    assert template.render(Context({"request": request, "word": "two"})) == "two"


def test_a_part_with_a_form_that_needs_a_token_is_refused_rather_than_kept_for_everyone():
    template = Template(
        '{% load pagecache %}{% kept_for_everyone "part" %}'
        '<form method="post">{% csrf_token %}</form>{% endkept_for_everyone %}'
    )
    request = RequestFactory().get("/members/")
    with translation.override("en"):
        request.resolver_match = resolve("/members/")
        with pytest.raises(ImproperlyConfigured, match="holds a form with a token"):
            template.render(Context({"request": request, "csrf_token": "the first visitor's"}))
