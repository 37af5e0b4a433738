"""The Secretariat's admin for areas, strategic partners and solutions."""

import pytest

from members.models import MemberType
from programs.models import Partner
from tests.factories import (
    AreaFactory,
    MemberFactory,
    OrganisationFactory,
    PartnerFactory,
    SolutionFactory,
    secretariat_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(secretariat_user())
    return client


def test_every_page_opens(staff_client):
    partner = PartnerFactory(name="Aqua Metrics")
    solution = SolutionFactory(partner=partner)
    area = AreaFactory(name="Water Management")
    for url in [
        "/admin/programs/area/",
        f"/admin/programs/area/{area.pk}/change/",
        "/admin/programs/partner/",
        "/admin/programs/partner/add/",
        f"/admin/programs/partner/{partner.pk}/change/",
        "/admin/programs/partner/?type__exact=tech-company&is_listed__exact=1",
        "/admin/programs/partner/?q=aqua",
        "/admin/programs/solution/",
        "/admin/programs/solution/add/",
        f"/admin/programs/solution/{solution.pk}/change/",
    ]:
        assert staff_client.get(url).status_code == 200, url


def test_staff_find_the_organisation_a_partner_is_among_every_organisation(staff_client):
    MemberFactory(name="Tech Corp", type=MemberType.CORPORATION)
    OrganisationFactory(name="Tech Institute", kind="institution")
    response = staff_client.get(
        "/admin/autocomplete/",
        {"term": "tech", "app_label": "programs", "model_name": "partner", "field_name": "organisation"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["Tech Corp", "Tech Institute"]


def test_staff_set_languages_from_the_list(staff_client):
    area = AreaFactory(name="Water Management")
    organisation = OrganisationFactory(name="Nuevo Partner", kind="corporation")
    response = staff_client.post(
        "/admin/programs/partner/add/",
        {
            "organisation": organisation.pk,
            "type": "consultant",
            "is_listed": "on",
            "profile": "Consultancy.",
            "areas": [area.pk],
            "languages": ["es", "pt"],
            "contact_email": "hola@nuevo.example",
        },
    )
    assert response.status_code == 302
    assert Partner.objects.get(organisation__slug="nuevo-partner").languages == ["es", "pt"]
