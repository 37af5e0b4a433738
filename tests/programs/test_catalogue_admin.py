"""The Secretariat's admin for areas, strategic partners and solutions."""

import pytest

from members.models import MemberType
from programs.models import Partner
from tests.factories import AreaFactory, MemberFactory, PartnerFactory, SolutionFactory, secretariat_user

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


def test_the_member_a_partner_is_can_only_be_a_corporation_or_an_institution(staff_client):
    MemberFactory(name="Tech Corp", type=MemberType.CORPORATION)
    MemberFactory(name="Tech City", type=MemberType.LOCAL_GOVERNMENT)
    response = staff_client.get(
        "/admin/autocomplete/",
        {"term": "tech", "app_label": "programs", "model_name": "partner", "field_name": "member"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["Tech Corp"]


def test_staff_set_languages_from_the_list(staff_client):
    area = AreaFactory(name="Water Management")
    response = staff_client.post(
        "/admin/programs/partner/add/",
        {
            "name": "Nuevo Partner",
            "slug": "nuevo-partner",
            "type": "consultant",
            "is_listed": "on",
            "profile": "Consultancy.",
            "areas": [area.pk],
            "languages": ["es", "pt"],
            "contact_email": "hola@nuevo.example",
        },
    )
    assert response.status_code == 302
    assert Partner.objects.get(slug="nuevo-partner").languages == ["es", "pt"]
