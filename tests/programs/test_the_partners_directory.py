"""The public directory of strategic partners (/driver/partners/) and a partner's page."""

import pytest

from members.models import MemberType
from tests.factories import (
    AreaFactory,
    MemberFactory,
    PartnerFactory,
    RegionFactory,
    SolutionFactory,
    official_of,
    official_of_partner,
    secretariat_user,
)
from tests.listing import listed
from tests.queries import query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners():
    water, mobility = AreaFactory(name="Water Management"), AreaFactory(name="Public Transportation")
    africa, europe = RegionFactory(name="Africa"), RegionFactory(name="Europe")
    made = {
        "aqua": PartnerFactory(
            name="Aqua Metrics", type="tech-company", areas=[water], languages=["en", "fr"]
        ),
        "bank": PartnerFactory(
            name="Banco de Desarrollo", type="development-bank", areas=[water, mobility], languages=["es"]
        ),
        "bus": PartnerFactory(
            name="Bus Consulting", type="consultant", areas=[mobility], profile="Bus rapid transit planning."
        ),
        "sao": PartnerFactory(name="São Paulo Institute", type="institution", areas=[mobility]),
        "hidden": PartnerFactory(
            name="Hidden Consultancy", type="consultant", areas=[water], is_listed=False
        ),
    }
    made["aqua"].regions.set([africa])
    made["bank"].regions.set([africa, europe])
    made["bus"].regions.set([europe])
    return made


def test_lists_only_listed_partners_with_a_count(client, partners):
    response = client.get("/driver/partners/")
    assert response.status_code == 200
    assert listed(response) == [
        "Aqua Metrics",
        "Banco de Desarrollo",
        "Bus Consulting",
        "São Paulo Institute",
    ]
    assert "4 partners found" in response.text
    assert "Hidden Consultancy" not in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "consultant"}, ["Bus Consulting"]),
        ({"area": "water-management"}, ["Aqua Metrics", "Banco de Desarrollo"]),
        ({"region": "europe"}, ["Banco de Desarrollo", "Bus Consulting"]),
        ({"language": "fr"}, ["Aqua Metrics"]),
        ({"area": "public-transportation", "region": "africa"}, ["Banco de Desarrollo"]),
        ({"sort": "-name"}, ["São Paulo Institute", "Bus Consulting", "Banco de Desarrollo", "Aqua Metrics"]),
    ],
)
def test_filters_and_sorts(client, partners, params, expected):
    assert listed(client.get("/driver/partners/", params)) == expected


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("sao paulo", ["São Paulo Institute"]),
        ("AQUA", ["Aqua Metrics"]),
        ("rapid transit", ["Bus Consulting"]),
    ],
)
def test_searches_the_name_ignoring_accents_and_the_profile(client, partners, typed, found):
    assert listed(client.get("/driver/partners/", {"q": typed})) == found


def test_the_language_filter_offers_the_languages_listed_partners_work_in(client, partners):
    choices = client.get("/driver/partners/").context["filter"].form.fields["language"].choices
    assert list(choices) == [
        ("", "Any language"),
        ("en", "English"),
        ("fr", "French"),
        ("ko", "Korean"),
        ("es", "Spanish"),
    ]


def test_the_filters_in_force_are_listed(client, partners):
    response = client.get("/driver/partners/", {"type": "consultant", "area": "water-management", "q": "x"})
    assert response.context["filter"].active_filters() == [
        ("Search", "x"),
        ("Type", "Consultant"),
        ("Area", "Water Management"),
    ]
    assert "Clear all filters" in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"type": "city-state"},
        {"area": "atlantis"},
        {"region": "mars"},
        {"language": "xx"},
        {"sort": "secret"},
    ],
)
def test_an_unknown_filter_value_is_ignored_with_a_message(client, partners, params):
    response = client.get("/driver/partners/", params)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 4
    assert "This filter was ignored." in response.text


def test_a_bad_filter_is_explained_and_the_good_ones_still_apply(client, partners):
    response = client.get("/driver/partners/", {"area": "atlantis", "type": "consultant"})
    assert listed(response) == ["Bus Consulting"]
    assert "Area: There is no area “atlantis”. This filter was ignored." in response.text


def test_markup_and_huge_values_are_only_text(client, partners):
    attack = '"><script>alert(1)</script>'
    response = client.get("/driver/partners/", {"q": attack + "x" * 5000, "type": attack * 100})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert "only the first 100 were used" in response.text
    assert len(response.content) < 60_000


@pytest.fixture
def many_partners(db):
    return PartnerFactory.create_batch(30, areas=[AreaFactory(name="Water Management")])


def test_paginates_and_page_links_keep_the_filters(client, many_partners):
    response = client.get("/driver/partners/", {"area": "water-management", "page": "2"})
    assert response.context["page"].number == 2 and len(response.context["page"].object_list) == 6
    assert "30 partners found" in response.text and "page 2 of 2" in response.text
    assert 'href="?area=water-management&amp;page=1"' in response.text


@pytest.mark.parametrize(("page", "expected"), [("abc", 1), ("9999", 2), ("-1", 2)])
def test_a_bad_page_number_shows_the_nearest_page(client, many_partners, page, expected):
    response = client.get("/driver/partners/", {"page": page})
    assert response.status_code == 200 and response.context["page"].number == expected


def test_htmx_requests_get_only_the_results_and_the_answer_varies_on_it(client, partners):
    response = client.get("/driver/partners/", {"type": "consultant"}, headers={"HX-Request": "true"})
    assert response.text.lstrip().startswith('<div id="results">')
    assert "<html" not in response.text
    assert '<div id="result-status" role="status" hx-swap-oob="innerHTML">' in response.text
    assert "1 partner found" in response.text
    assert "HX-Request" in response["Vary"]
    restored = client.get(
        "/driver/partners/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restored.text


def test_works_without_javascript_as_a_plain_get_form(client, partners):
    assert '<form method="get" action="/driver/partners/"' in client.get("/driver/partners/").text


@pytest.mark.parametrize(
    "url",
    ["/driver/partners/", "/driver/partners/?area=water-management&region=europe&language=en&q=a&sort=-name"],
)
def test_the_directory_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, url):
    areas = [AreaFactory(name="Water Management"), AreaFactory(name="Healthcare")]
    europe = RegionFactory(name="Europe")

    def add(n):
        for partner in PartnerFactory.create_batch(n, areas=areas):
            partner.regions.set([europe])

    add(10)
    with django_assert_max_num_queries(9):
        small = query_count(client, url)
    add(190)
    with django_assert_max_num_queries(9):
        assert query_count(client, url) == small


# A partner's page ---------------------------------------------------------------------------------


def test_a_partner_page_shows_the_profile_and_contact(client, partners):
    aqua = partners["aqua"]
    aqua.contact_phone = "+82 2 123 4567"
    aqua.save()
    aqua.organisation.website = "https://aqua.example"
    aqua.organisation.save()
    response = client.get("/driver/partners/aqua-metrics/")
    assert response.status_code == 200
    text = response.text
    assert "Tech company" in text and "Builds open data platforms for cities." in text
    assert '<a href="/driver/areas/water-management/">Water Management</a>' in text
    assert '<a href="/driver/partners/?region=africa">Africa</a>' in text
    assert "English, French" in text
    assert f'<a href="mailto:{aqua.contact_email}">' in text
    assert '<a href="tel:+8221234567">+82 2 123 4567</a>' in text
    assert '<a href="https://aqua.example" rel="noopener">' in text


def test_languages_are_named_in_the_visitor_s_language(client, partners):
    response = client.get("/ko/driver/partners/aqua-metrics/")
    assert "English" not in response.text.split("partner-facts")[1]


def test_a_partner_that_is_a_member_links_to_its_member_page(client, db):
    member = MemberFactory(name="Tech Corp", type=MemberType.CORPORATION)
    PartnerFactory(name="Tech Corp", member=member)
    assert f'<a href="/members/{member.slug}/">' in client.get("/driver/partners/tech-corp/").text


def test_a_partner_page_lists_only_its_listed_solutions_to_the_public(client, partners):
    SolutionFactory(partner=partners["aqua"], name="Leak Finder")
    SolutionFactory(partner=partners["aqua"], name="Draft Thing", is_listed=False)
    text = client.get("/driver/partners/aqua-metrics/").text
    assert "Leak Finder" in text and "Draft Thing" not in text


def test_an_unlisted_partner_is_404_to_the_public_and_to_other_partners(client, partners):
    assert client.get("/driver/partners/hidden-consultancy/").status_code == 404
    client.force_login(official_of_partner(partners["aqua"]))
    assert client.get("/driver/partners/hidden-consultancy/").status_code == 404
    client.force_login(official_of(MemberFactory()))
    assert client.get("/driver/partners/hidden-consultancy/").status_code == 404


def test_an_unlisted_partner_is_shown_to_its_officials_and_the_secretariat(client, partners):
    hidden = partners["hidden"]
    SolutionFactory(partner=hidden, name="Unlisted Tool", is_listed=False)
    for person in [official_of_partner(hidden), secretariat_user()]:
        client.force_login(person)
        response = client.get("/driver/partners/hidden-consultancy/")
        assert response.status_code == 200
        assert "not listed in the public directory" in response.text
        assert "Unlisted Tool" in response.text


def test_an_unknown_partner_is_404(client, db):
    assert client.get("/driver/partners/nobody/").status_code == 404
