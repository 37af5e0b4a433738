"""Public pages are kept whole for visitors and made fresh by every change to what they show, on
the very next request, however the change is made; unrelated pages stay kept."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from members.models import Member, RegionalOffice
from tests.factories import (
    AreaFactory,
    MemberFactory,
    MembershipApplicationFactory,
    PartnerFactory,
    ProjectFactory,
    secretariat_user,
)
from tests.states import put_in
from wego.pagecache import content, versions
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db


def kept(client, url, django_assert_num_queries):
    """The page as a visitor gets it the second time: from the cache, without a query."""
    first = client.get(url)
    assert first.status_code == 200, url
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    return second.text


def test_a_visitors_second_request_is_served_from_the_cache_without_a_query(
    client, report_data, django_assert_num_queries
):
    for url in [
        "/",
        "/members/",
        "/members/seoul/",
        "/members/stats/",
        "/driver/exchange/",
        "/driver/partners/",
    ]:
        kept(client, url, django_assert_num_queries)


def test_publishing_a_project_shows_it_on_the_next_request_and_leaves_the_offices_kept(
    client, report_data, django_assert_num_queries
):
    member = Member.objects.get(organisation__slug="seoul")
    project = put_in(
        ProjectFactory(title="River bicycles", city=member.organisation, organisation=member.organisation),
        "submitted",
    )
    assert "River bicycles" not in kept(client, "/driver/exchange/", django_assert_num_queries)
    offices = kept(client, "/members/offices/", django_assert_num_queries)

    perform(project, "publish", actor=secretariat_user())

    assert "River bicycles" in client.get("/driver/exchange/").text
    assert "River bicycles" in client.get(f"/driver/exchange/{project.slug}/").text
    with django_assert_num_queries(0):
        assert client.get("/members/offices/").text == offices


def test_approving_a_member_puts_it_in_the_directory_on_the_next_request(
    client, report_data, django_assert_num_queries
):
    application = put_in(
        MembershipApplicationFactory(organisation_name="Cauayan City", country="PH"), "recommended"
    )
    assert "Cauayan City" not in kept(client, "/members/?q=cauayan", django_assert_num_queries)
    perform(application, "approve", actor=secretariat_user())
    assert "Cauayan City" in client.get("/members/?q=cauayan").text


def test_a_partner_edited_in_the_admin_changes_its_page_on_the_next_request(
    client, db, django_assert_num_queries
):
    area = AreaFactory(name="Water Management")
    partner = PartnerFactory(name="Aqua Metrics", profile="Meters for water.")
    url = f"/driver/partners/{partner.slug}/"
    assert "Meters for water." in kept(client, url, django_assert_num_queries)
    staff = client.__class__()
    staff.force_login(secretariat_user())
    response = staff.post(
        f"/admin/programs/partner/{partner.pk}/change/",
        {
            "organisation": partner.pk,
            "type": partner.type,
            "is_listed": "on",
            "profile": "Meters and leak finders for water.",
            "areas": [area.pk],
            "languages": ["en"],
            "contact_email": "hello@aqua.example",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Meters and leak finders for water." in client.get(url).text


def test_a_bulk_update_is_a_change_too(client, report_data, django_assert_num_queries):
    # The footer of every page gives the Secretariat's telephone.
    assert "+82-2-720-2935" in kept(client, "/members/offices/", django_assert_num_queries)
    RegionalOffice.objects.update(phone="+82-2-000-0000")
    assert "+82-2-000-0000" in client.get("/members/offices/").text


def test_loading_the_report_again_makes_the_directory_fresh(client, report_data, django_assert_num_queries):
    assert 'href="/members/seoul/"' in kept(client, "/members/?q=seoul", django_assert_num_queries)
    Member.objects.filter(organisation__slug="seoul").delete()
    assert 'href="/members/seoul/"' not in client.get("/members/?q=seoul").text
    call_command("load_report_2020", verbosity=0)
    assert 'href="/members/seoul/"' in client.get("/members/?q=seoul").text


def test_a_change_to_private_rows_leaves_every_page_kept(client, report_data, django_assert_num_queries):
    directory = kept(client, "/members/", django_assert_num_queries)
    secretariat_user()  # a person, their groups and address: nothing a public page shows
    with django_assert_num_queries(0):
        assert client.get("/members/").text == directory


@pytest.mark.django_db(transaction=True)
def test_a_change_renews_the_version_when_written_and_again_when_it_commits():
    before = versions.tokens_for(["members"])["members"]
    with transaction.atomic():
        MemberFactory(name="Ilagan")
        written = versions.tokens_for(["members"])["members"]
        assert written != before
    # A page rendered from the old rows by another request while the transaction was open was kept
    # under `written`: the commit leaves it behind.
    assert versions.tokens_for(["members"])["members"] != written


def test_every_table_is_in_a_kind_of_content_or_kept_private():
    assert content.undeclared_tables() == []


def test_every_public_page_names_only_declared_kinds_of_content_and_none_that_is_personal():
    from django.urls import get_resolver

    def views(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from views(pattern.url_patterns)
            else:
                yield pattern.callback

    shown = {kind for view in views(get_resolver().url_patterns) for kind in getattr(view, "page_shows", ())}
    assert shown and shown <= content.kinds()
    assert {"members", "projects", "partners"} <= shown
    assert content.personal_kinds() and not shown & content.personal_kinds()


def test_the_benchmarks_bypass_header_does_nothing_unless_its_settings_name_it(
    client, report_data, settings, django_assert_num_queries, django_assert_max_num_queries
):
    kept(client, "/members/", django_assert_num_queries)
    with django_assert_num_queries(0):
        client.get("/members/", headers={"X-Bench-Cold": "1"})
    settings.PAGE_CACHE_BYPASS_HEADER = "X-Bench-Cold"
    with django_assert_max_num_queries(20) as captured:
        assert client.get("/members/", headers={"X-Bench-Cold": "1"}).status_code == 200
    assert len(captured) > 0


def test_the_whole_lists_count_is_asked_once_per_change_to_it(client, report_data, settings):
    # Rendered anew each time (the benchmark's header), the unfiltered directory counts its members
    # once per change to them, not over the whole table at every request.
    settings.PAGE_CACHE_BYPASS_HEADER = "X-Bench-Cold"
    cold = {"headers": {"X-Bench-Cold": "1"}}
    assert "166 members found" in client.get("/members/", **cold).text
    with CaptureQueriesContext(connection) as captured:
        assert "166 members found" in client.get("/members/", **cold).text
    assert not [query for query in captured.captured_queries if "COUNT(" in query["sql"]]
    assert "21 members found" in client.get("/members/?region=europe", **cold).text

    MemberFactory(name="Ilagan")
    assert "167 members found" in client.get("/members/", **cold).text


def every_kind_and_table():
    return sorted((kind, table) for kind in content.kinds() for table in content.tables_of({kind}))


@pytest.mark.parametrize(("kind", "table"), every_kind_and_table())
def test_a_write_to_any_table_of_a_kind_of_content_renews_it(kind, table):
    before = versions.tokens_for([kind])[kind]
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{table}" WHERE false')
    assert versions.tokens_for([kind])[kind] != before
