import pytest

from members.models import Member
from tests.factories import MemberFactory, RegionFactory
from tests.listing import listed
from tests.queries import query_count

pytestmark = pytest.mark.django_db


def test_lists_every_member_with_a_count(client, report_data):
    response = client.get("/members/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 166
    assert "166 members found" in response.text


def test_filters_by_region_and_type(client, report_data):
    response = client.get("/members/", {"region": "europe", "type": "institution"})
    assert listed(response) == ["Solar Impulse Foundation"]


def test_filters_by_country_and_year(client, report_data):
    response = client.get("/members/", {"country": "NP", "year": "2020"})
    assert listed(response) == ["Bhadrapur", "Kankai", "Shivasatakshi", "Sunawarshi"]


def test_searches_names_case_insensitively(client, report_data):
    response = client.get("/members/", {"q": "khartoum"})
    assert listed(response) == ["Khartoum Locality", "Khartoum State"]


def test_sorts_by_join_date_newest_first_with_unknown_dates_last(client, report_data):
    response = client.get("/members/", {"sort": "-joined"})
    listed = response.context["page"].object_list
    assert listed[0].name == "Anyang"  # joined 2020-08-24, the latest date in the report
    all_sorted = list(response.context["filter"].qs)
    assert all_sorted[-1].joined_on is None


def test_paginates(client, report_data):
    response = client.get("/members/", {"page": "2"})
    page = response.context["page"]
    assert page.number == 2 and len(page.object_list) == 24
    assert 'href="?page=3"' in response.text


def test_page_links_keep_the_filters(client, report_data):
    response = client.get("/members/", {"region": "africa", "page": "1"})
    assert 'href="?region=africa&amp;page=2"' in response.text


def test_htmx_requests_get_only_the_results(client, report_data):
    response = client.get("/members/", {"region": "africa"}, headers={"HX-Request": "true"})
    assert response.text.lstrip().startswith('<div id="results">')
    assert "<html" not in response.text
    # The count is swapped into the page's one live region, which stays in place.
    assert '<div id="result-status" role="status" hx-swap-oob="innerHTML">' in response.text
    assert "47 members found" in response.text


def test_works_without_javascript_as_a_plain_get_form(client, report_data):
    response = client.get("/members/")
    assert '<form method="get" action="/members/"' in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"region": "atlantis"},
        {"type": "city-state"},
        {"country": "ZZ"},
        {"year": "last-year"},
        {"sort": "secret_column"},
    ],
)
def test_an_unknown_filter_value_is_ignored_with_a_message(client, report_data, params):
    response = client.get("/members/", params)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 166
    assert "This filter was ignored." in response.text


def test_a_bad_filter_does_not_cancel_the_good_ones(client, report_data):
    response = client.get("/members/", {"region": "atlantis", "type": "institution"})
    assert response.context["page"].paginator.count == 5


@pytest.mark.parametrize(("page", "expected"), [("abc", 1), ("-3", 7), ("0", 7), ("9999", 7), ("1e9", 1)])
def test_a_bad_page_number_shows_the_nearest_page(client, report_data, page, expected):
    response = client.get("/members/", {"page": page})
    assert response.status_code == 200
    assert response.context["page"].number == expected


def test_a_page_beyond_the_end_says_so(client, report_data):
    response = client.get("/members/", {"page": "9999"})
    assert "That page does not exist; showing page 7 of 7." in response.text


def test_a_very_long_search_is_cut_with_a_message(client, report_data):
    response = client.get("/members/", {"q": "Seoul" + "x" * 10_000})
    assert response.status_code == 200
    assert "only the first 100 were used" in response.text
    assert len(response.content) < 60_000
    assert response.context["page"].paginator.count == 0


def test_markup_in_the_search_is_never_rendered(client, report_data):
    attack = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    response = client.get("/members/", {"q": attack, "region": attack})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert "<img src=x" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_control_characters_and_sql_looking_text_are_just_text(client, report_data):
    response = client.get("/members/", {"q": "Seoul'; DROP TABLE members_member;--\x00"})
    assert response.status_code == 200
    assert Member.objects.count() == 166


@pytest.mark.parametrize(
    "url", ["/members/", "/members/?region=europe&type=local-government&q=city&sort=-joined"]
)
def test_the_directory_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, url):
    region = RegionFactory(name="Europe")
    MemberFactory.create_batch(10, region=region, country="FR")
    small = query_count(client, url)
    MemberFactory.create_batch(990, region=region, country="FR")
    large = query_count(client, url)
    assert small == large
    with django_assert_max_num_queries(7):
        client.get(url)


def test_filter_choices_list_each_country_and_year_once(client, db):
    MemberFactory.create_batch(30, country="FR", region=RegionFactory(name="Europe"))
    form = client.get("/members/").context["filter"].form
    assert list(form.fields["country"].choices) == [("", "All countries"), ("FR", "France")]
    assert list(form.fields["year"].choices) == [("", "Any year"), ("2020", "2020")]


@pytest.mark.parametrize(
    ("typed", "found"), [("Beyoglu", "Beyoğlu"), ("sao paulo", "São Paulo"), ("ASUNCION", "Asunción")]
)
def test_search_ignores_accents(client, report_data, typed, found):
    assert listed(client.get("/members/", {"q": typed})) == [found]


def test_a_lower_case_country_code_is_understood(client, report_data):
    response = client.get("/members/", {"country": "kr"})
    assert response.context["page"].paginator.count == 12
    assert "This filter was ignored." not in response.text


def test_names_sort_as_a_reader_expects_whatever_their_case_and_accents(client, report_data):
    listed = list(client.get("/members/").context["filter"].qs.values_list("organisation__name", flat=True))
    assert listed.index("São Paulo") < listed.index("Suva")
    assert (
        listed.index("Batibo")
        < listed.index("beCloud (Belarusian Cloud Technologies)")
        < listed.index("Beyoğlu")
    )


def test_the_filters_in_force_are_listed_above_the_results(client, report_data):
    response = client.get("/members/", {"region": "africa", "type": "local-government", "q": "state"})
    assert response.context["filter"].active_filters() == [
        ("Search by name", "state"),
        ("Region", "Africa"),
        ("Type", "Local government"),
    ]
    assert "Clear all filters" in response.text


def test_an_ignored_filter_is_explained_in_plain_words(client, report_data):
    response = client.get("/members/", {"region": "mars", "year": "1850"})
    assert "Region: There is no region “mars”. This filter was ignored." in response.text
    assert (
        "Year joined: No member is recorded as joining in “1850”. This filter was ignored." in response.text
    )


def test_a_huge_bad_value_is_quoted_back_only_briefly(client, report_data):
    response = client.get("/members/", {"country": "X" * 10_000})
    assert response.status_code == 200
    assert "“" + "X" * 40 + "…”" in response.text
    assert len(response.content) < 60_000


def test_every_sort_order_has_its_own_label():
    # django-filter looks ascending labels up by the model field's name, descending ones by "-param".
    from members.filters import MemberFilter
    from programs.filters.catalogue import PartnerFilter, SolutionFilter

    for filterset in (MemberFilter, PartnerFilter, SolutionFilter):
        labels = dict(filterset().form.fields["sort"].choices)
        assert all("(" in str(label) for label in labels.values()), labels
