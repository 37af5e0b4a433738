import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_home_says_what_wego_is_with_the_directory_figures(client, report_data):
    response = client.get("/")
    assert response.status_code == 200
    assert "established by 50 founding member cities in 2010" in response.text
    figures = response.context["figures"]
    assert figures["members"] == 166 and figures["stated"].members == 209 and figures["offices"] == 5
    assert 'href="/members/"' in response.text


def test_member_page_shows_what_the_report_says(client, report_data):
    response = client.get("/members/abuja/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Abuja</h1>" in text
    assert "Nigeria" in text and "Africa" in text and "Local government" in text
    assert 'datetime="2019-12-03"' in text
    assert "Africa Regional Office" in text  # the region's office, which Abuja also hosts


def test_member_page_of_the_president_city(client, report_data):
    response = client.get("/members/seoul/")
    assert "President city" in response.text
    assert "WeGO Secretariat" in response.text


def test_unknown_member_is_a_404_page_in_the_portal_layout(client, report_data):
    response = client.get("/members/gotham/")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_offices_page_lists_the_secretariat_and_the_five_regional_offices(client, report_data):
    response = client.get("/members/offices/")
    assert response.status_code == 200
    for name in [
        "WeGO Secretariat",
        "East Asia Regional Office",
        "Eurasia Regional Office",
        "Mediterranean Regional Office",
        "Latin America Regional Office",
        "Africa Regional Office",
    ]:
        assert name in response.text
    assert "7F Seoul Global Center" in response.text


def test_stats_page_charts_growth_and_breakdowns_with_data_tables(client, report_data):
    response = client.get("/members/stats/")
    assert response.status_code == 200
    growth = [(bar.label, bar.value) for bar in response.context["growth"]["bars"]]
    assert growth == [("2018", 150), ("2019", 183), ("2020", 209)]
    assert response.context["growth"]["change"] == 39
    assert [(bar.label, bar.value) for bar in response.context["by_type"]] == [
        ("Local government", 154),
        ("Corporation", 7),
        ("Institution", 5),
    ]
    assert response.text.count('<div class="visually-hidden">\n    <table>') == 3
    assert "Up 39% since 2018." in response.text


@pytest.mark.parametrize("url", ["/", "/members/", "/members/seoul/", "/members/offices/", "/members/stats/"])
def test_every_page_has_the_layout_landmarks(client, report_data, url):
    text = client.get(url).text
    assert 'href="#main"' in text and '<main id="main"' in text
    assert "secretariat@we-gov.org" in text  # the footer's contact details
    assert 'hreflang="ko" lang="ko"' in text  # the language switcher, a link


def test_pages_send_a_strict_content_security_policy(client, report_data):
    policy = client.get("/members/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "script-src 'self';" in policy and "nonce" not in policy


def test_no_page_loads_anything_from_another_origin(client, report_data):
    """Every script, style and image comes from the portal (the page's only outside link is WeGO's
    own website). Its addresses are read from its attributes: a random token may spell "cdn"."""
    addresses = re.findall(r'(?:src|href)="([^"]*)"', client.get("/members/").text)
    outside = [
        a
        for a in addresses
        if a.startswith(("http:", "https:", "//"))
        and a != "http://we-gov.org"
        # The page in each language, for search engines, at the portal's own address.
        and not a.startswith(f"{settings.PORTAL_URL}/")
    ]
    assert addresses and outside == []


def test_the_language_is_chosen_by_a_link_to_the_same_page_with_its_filters(client, report_data):
    english = client.get("/members/", {"region": "asia", "q": "se"})
    assert 'href="/ko/members/?region=asia&amp;q=se" hreflang="ko"' in english.text
    assert (
        '<link rel="alternate" hreflang="ko" href="http://127.0.0.1:8000/ko/members/?region=asia&amp;q=se">'
        in (english.text)
    )
    korean = client.get("/ko/members/", {"region": "asia", "q": "se"})
    assert '<html lang="ko"' in korean.text and "<h1>회원 목록</h1>" in korean.text
    assert 'href="/members/?region=asia&amp;q=se" hreflang="en"' in korean.text
    # No form, no token: nothing on a visitor's page is theirs alone.
    assert "csrfmiddlewaretoken" not in english.text + korean.text


def test_public_pages_need_no_sign_in(client, report_data):
    for url in ["/", "/members/", "/members/export.csv", "/members/export.json", "/members/offices/"]:
        assert client.get(url).status_code == 200


def test_pages_refuse_writes(client, report_data):
    assert client.post("/members/").status_code == 405


def test_an_unknown_address_is_a_404_not_a_sign_in(client, db):
    assert client.get("/nope").status_code == 404
    assert client.get("/members/seoul").status_code == 301  # adds the slash


def test_the_region_chart_counts_members_without_a_region(client, report_data):
    from tests.factories import MemberFactory

    MemberFactory(region=None, country="")
    bars = {bar.label: bar.value for bar in client.get("/members/stats/").context["by_region"]}
    assert bars["Not recorded"] == 1
    assert sum(bars.values()) == 167


def test_report_data_is_shown_in_the_visitors_language(client, report_data):
    stats = client.get("/ko/members/stats/").text
    assert "아프리카" in stats  # the region Africa
    offices = client.get("/ko/members/offices/").text
    assert "WeGO 사무국" in offices  # the Secretariat


def test_stated_percentages_show_their_unit(client, report_data):
    text = client.get("/members/stats/").text
    assert "Growth in corporation members in 2020</dt>" in text
    assert "26&nbsp;%" in text


def test_offices_without_contact_details_point_to_the_secretariat(client, report_data):
    text = client.get("/members/offices/").text
    assert text.count("To reach this office, write to the Secretariat") == 5
