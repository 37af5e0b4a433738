"""The member list as open data (CSV and JSON), built for thousands of rows."""

from django.urls import reverse

from wego.countries import country_names

COLUMNS = ["name", "slug", "type", "country", "country_name", "region", "joined_on", "url"]


def member_rows(request, members):
    """One dict per member, in the documented export format."""
    names = country_names()
    # The member page's address with the slug cut off; one reverse() for the whole list.
    detail_prefix = request.build_absolute_uri(reverse("members:detail", args=["-"]))[:-2]
    fields = members.values_list(
        "organisation__name",
        "organisation__slug",
        "organisation__kind",
        "organisation__country",
        "organisation__region__slug",
        "joined_on",
    )
    for name, slug, type_, country, region, joined_on in fields.iterator(chunk_size=2000):
        yield {
            "name": name,
            "slug": slug,
            "type": type_,
            "country": country or None,
            "country_name": names.get(country) if country else None,
            "region": region,
            "joined_on": joined_on.isoformat() if joined_on else None,
            "url": f"{detail_prefix}{slug}/",
        }
