"""The Exchange catalogue as open data (CSV and JSON), built for tens of thousands of rows in two queries."""

from django.urls import reverse

from wego.countries import country_names

from .models.exchange import areas_by_project

COLUMNS = [
    "title",
    "slug",
    "city",
    "member_city",
    "country",
    "country_name",
    "region",
    "areas",
    "stage",
    "start_year",
    "end_year",
    "budget_amount",
    "budget_currency",
    "summary",
    "url",
]


def project_rows(request, projects):
    """One dict per project, in the documented export format; areas are separated by semicolons."""
    names = country_names()
    areas = areas_by_project(projects, "slug")
    # The project page's address with the slug cut off; one reverse() for the whole list.
    detail_prefix = request.build_absolute_uri(reverse("programs:project", args=["-"]))[:-2]
    fields = projects.prefetch_related(None).values_list(
        "pk",
        "title",
        "slug",
        "city__name",
        "city__member",
        "city__slug",
        "city__country",
        "city__region__slug",
        "stage",
        "start_year",
        "end_year",
        "budget_amount",
        "budget_currency",
        "summary",
    )
    for row in fields.iterator(chunk_size=2000):
        (pk, title, slug, city_name, member, city_slug, country, region, stage, start, end) = row[:11]
        amount, currency, summary = row[11:]
        yield {
            "title": title,
            "slug": slug,
            "city": city_name,
            "member_city": city_slug if member is not None else None,
            "country": country or None,
            "country_name": names.get(country) if country else None,
            "region": region,
            "areas": ";".join(areas.get(pk, [])),
            "stage": stage,
            "start_year": start,
            "end_year": end,
            "budget_amount": str(amount) if amount is not None else None,
            "budget_currency": currency or None,
            "summary": summary,
            "url": f"{detail_prefix}{slug}/",
        }
