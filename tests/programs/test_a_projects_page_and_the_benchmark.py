"""A project's page, its documents, and the benchmark of up to four projects side by side."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from programs.models import ProjectDocument, ProjectIndicator, ProjectLink
from tests.factories import (
    AreaFactory,
    MemberFactory,
    PartnerFactory,
    ProjectFactory,
    official_of,
    secretariat_user,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def project(private_storage):
    project = ProjectFactory(
        title="Bus priority lanes",
        city=MemberFactory(name="Seoul", slug="seoul"),
        stage="scaled",
        start_year=2015,
        end_year=2019,
        budget_amount="1200000.00",
        budget_currency="KRW",
        funding_sources="City budget; national grant",
        other_partners="Seoul Transport Operation",
        outcomes="Buses 30% faster.",
        lessons_learned="Enforce the lanes with cameras.",
        areas=[AreaFactory(name="Public Transportation")],
    )
    project.partners.set([PartnerFactory(name="Transit Data Co", slug="transit-data-co")])
    ProjectIndicator.objects.create(
        project=project, name="Bus speed", unit="km/h", baseline="12.5000", target="20", achieved="18.75"
    )
    ProjectLink.objects.create(project=project, title="Project site", url="https://bus.seoul.example/")
    ProjectDocument.objects.create(
        project=project, title="Final report", file=SimpleUploadedFile("report.pdf", PDF, "application/pdf")
    )
    return project


def test_a_project_page_shows_everything(client, project):
    response = client.get("/driver/exchange/bus-priority-lanes/")
    assert response.status_code == 200
    text = response.text
    for fact in [
        "Bus priority lanes",
        "Scaled",
        "2015–2019",
        "Public Transportation",
        "1,200,000 KRW",
        "City budget; national grant",
        "Transit Data Co",
        "Seoul Transport Operation",
        "Buses 30% faster.",
        "Enforce the lanes with cameras.",
        "https://bus.seoul.example/",
        "Final report",
    ]:
        assert fact in text, fact
    assert '<a href="/members/seoul/">Seoul</a>' in text
    assert "<td>km/h</td>" in text and "12.5" in text and ">20<" in text and "18.75" in text


def test_partners_link_to_their_page(client, project):
    from django.urls import reverse

    url = reverse("programs:partner", args=["transit-data-co"])
    assert f'<a href="{url}">Transit Data Co</a>' in client.get(project.get_absolute_url()).text


def test_a_document_downloads_as_a_pdf(client, project):
    document = project.documents.get()
    response = client.get(f"/driver/exchange/bus-priority-lanes/documents/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="final-report.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_a_document_of_another_project_is_404(client, project):
    other = ProjectFactory(title="Other")
    document = project.documents.get()
    assert client.get(f"/driver/exchange/{other.slug}/documents/{document.pk}/").status_code == 404


@pytest.mark.parametrize("status", ["submitted", "returned", "unpublished"])
def test_an_unpublished_project_is_404_for_the_public_but_not_for_its_sharers(client, project, status):
    organisation = MemberFactory(name="Sharing City")
    project.organisation = organisation.organisation
    project.status = status
    project.save()
    document = project.documents.get()
    urls = [project.get_absolute_url(), f"{project.get_absolute_url()}documents/{document.pk}/"]
    for url in urls:
        assert client.get(url).status_code == 404
    client.force_login(official_of(MemberFactory(name="Another City")))
    for url in urls:
        assert client.get(url).status_code == 404
    client.force_login(official_of(organisation))
    for url in urls:
        assert client.get(url).status_code == 200
    client.force_login(secretariat_user())
    for url in urls:
        assert client.get(url).status_code == 200


def test_an_unknown_project_is_404(client, db):
    assert client.get("/driver/exchange/no-such-project/").status_code == 404


def test_a_project_page_runs_a_constant_number_of_queries(client, project, django_assert_max_num_queries):
    for number in range(20):
        ProjectIndicator.objects.create(project=project, name=f"Indicator {number}", unit="%", baseline=1)
    with django_assert_max_num_queries(10):
        assert client.get(project.get_absolute_url()).status_code == 200


# The benchmark ---------------------------------------------------------------------------------


def indicator(project, name, unit, baseline=None, target=None, achieved=None):
    ProjectIndicator.objects.create(
        project=project, name=name, unit=unit, baseline=baseline, target=target, achieved=achieved
    )


@pytest.fixture
def three():
    a, b, c = (ProjectFactory(title=title) for title in ["Alpha", "Beta", "Gamma"])
    indicator(a, "CO2 emissions", "tonnes", 100, 80, 85)
    indicator(a, "Bus speed", "km/h", 12, 20, 18)
    indicator(b, "co2  Emissions", "Tonnes", 50, 40, 38)  # the same, written differently
    indicator(b, "Bus speed", "mph", 8, 12, 11)  # another unit: another row
    indicator(c, "Trips", "per day", 1000, 2000, None)
    return a, b, c


def test_indicators_are_aligned_by_name_and_unit(client, three):
    a, b, c = three
    response = client.get("/driver/exchange/compare/", {"p": [a.slug, b.slug, c.slug]})
    assert response.status_code == 200
    assert [p.title for p in response.context["projects"]] == ["Alpha", "Beta", "Gamma"]
    rows = response.context["rows"]
    assert [(row.name, row.unit) for row in rows] == [
        ("CO2 emissions", "tonnes"),
        ("Bus speed", "km/h"),
        ("Bus speed", "mph"),
        ("Trips", "per day"),
    ]
    co2 = rows[0].values
    assert [(f.baseline, f.target, f.achieved) if f else None for f in co2] == [
        ("100", "80", "85"),
        ("50", "40", "38"),
        None,
    ]
    assert rows[3].values[2].achieved is None
    assert "not measured" in response.text
    assert '<th scope="col"><a href="/driver/exchange/alpha/">Alpha</a></th>' in response.text


def test_more_than_four_are_cut_with_a_notice(client, db):
    slugs = [ProjectFactory().slug for _ in range(6)]
    response = client.get("/driver/exchange/compare/", {"p": slugs})
    assert len(response.context["projects"]) == 4
    assert "You picked 6 projects; the first 4 are compared side by side." in response.text


def test_unknown_and_unpublished_projects_are_left_out_with_a_notice(client, db):
    public = ProjectFactory(title="Public")
    hidden = ProjectFactory(title="Hidden", status="submitted")
    response = client.get("/driver/exchange/compare/", {"p": [public.slug, hidden.slug, "x" * 5000, "<b>"]})
    assert response.status_code == 200
    assert [p.title for p in response.context["projects"]] == ["Public"]
    assert "These projects are not in the Exchange and were left out:" in response.text
    assert "&lt;b&gt;" in response.text and "<b>" not in response.text.split("left out")[1][:200]


def test_nothing_picked_explains_how_to_pick(client, db):
    response = client.get("/driver/exchange/compare/")
    assert response.status_code == 200
    assert "tick up to four" in response.text


def test_the_same_project_twice_counts_once(client, three):
    a = three[0]
    assert len(client.get("/driver/exchange/compare/", {"p": [a.slug, a.slug]}).context["projects"]) == 1


def test_the_benchmark_runs_a_constant_number_of_queries(client, three, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get("/driver/exchange/compare/", {"p": [p.slug for p in three]})
