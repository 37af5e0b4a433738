"""My WeGO is made of the panels the apps contribute: the page and its view name no app, each app
declares its own panel, and a panel with nothing to say is left out."""

from pathlib import Path

import pytest
from django.test import RequestFactory

from organisations import dashboard
from organisations.dashboard import Panel
from tests.factories import MemberFactory, MembershipApplicationFactory, UserFactory, official_of, verified

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_each_app_contributes_its_panel_in_order():
    assert [panel.name for panel in dashboard.PANELS.parts] == [
        "affiliations",
        "membership",
        "smart-city-driver",
        "project-implementer",
        "events",
        "messages",
    ]


def test_the_page_and_its_view_name_no_app():
    for path in [
        "organisations/dashboard.py",
        "organisations/views.py",
        "templates/organisations/dashboard.html",
    ]:
        text = (ROOT / path).read_text()
        assert "members" not in text and "programs" not in text, path


def test_the_panels_say_what_the_person_has(client):
    city = MemberFactory(name="Kisumu")
    person = official_of(city)
    MembershipApplicationFactory(applicant=person, organisation_name="Kisumu Water")
    client.force_login(person)
    page = client.get("/my/").text
    assert (
        "Kisumu" in page and "Membership of Kisumu Water" in page and "Solution Finder applications" in page
    )


def test_a_panel_with_nothing_to_say_is_left_out(client, monkeypatch):
    quiet = Panel("quiet", "organisations/panels/messages.html", lambda request: None, order=5)
    monkeypatch.setattr(dashboard.PANELS, "parts", [quiet, *dashboard.PANELS.parts])
    client.force_login(verified(UserFactory()))
    assert client.get("/my/").status_code == 200
    request = RequestFactory().get("/my/")
    request.user = UserFactory()
    assert len(dashboard.rendered_panels(request)) == 4


def test_a_panel_name_is_registered_once():
    with pytest.raises(ValueError, match="registered already"):
        dashboard.register(Panel("messages", "x.html", lambda request: {}))
