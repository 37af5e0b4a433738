"""Load the 2020 annual report's member data from members/data/.

Idempotent: a row already in the database is left as staff may have edited it;
only what is missing is created. Then it prints how the report's stated totals
compare with the members the directory lists, the comparison the statistics page
shows: after a first load these are exactly the names the report lists.
"""

import csv
import datetime
import tomllib
from pathlib import Path

from django.db import transaction

from organisations.models import Organisation, Region
from organisations.services import unique_slug

from .models import Member, MembershipTotal, MouPartner, RegionalOffice, ReportFigure
from .stats import reconciliation

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_csv(name):
    with open(DATA_DIR / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_toml(name):
    with open(DATA_DIR / name, "rb") as f:
        return tomllib.load(f)


def parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load(stdout):
    regions = {}
    for position, row in enumerate(read_csv("regions.csv")):
        regions[row["slug"]], _ = Region.objects.get_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "position": position},
        )

    member_rows = read_csv("members.csv")
    created = 0
    for row in member_rows:
        organisation, _ = Organisation.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "kind": row["type"],
                "country": row["country"],
                "region": regions.get(row["region"]),
            },
        )
        _, was_created = Member.objects.get_or_create(
            organisation=organisation,
            defaults={
                "joined_on": parse_date(row["joined_on"]),
                "approved_at_excom": int(row["approved_at_excom"]) if row["approved_at_excom"] else None,
                "is_president_city": row["president_city"] == "yes",
                "note": row["note"],
            },
        )
        created += was_created
    stdout.write(f"Members: {len(member_rows)} in the report, {created} created.")

    for position, office in enumerate(read_toml("offices.toml")["office"]):
        host = Member.objects.filter(organisation__slug=office.pop("host_member", "")).first()
        region = regions.get(office.pop("region", ""))
        RegionalOffice.objects.get_or_create(
            name=office.pop("name"),
            defaults={**office, "host_member": host, "region": region, "position": position},
        )
    stdout.write(f"Offices: {RegionalOffice.objects.count()}.")

    for row in read_csv("mou_partners.csv"):
        organisation = Organisation.objects.filter(name=row["name"], country=row["country"]).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=row["name"],
                slug=unique_slug(row["name"]),
                kind=row["kind"],
                country=row["country"],
                region=regions.get(row["region"]),
            )
        MouPartner.objects.get_or_create(
            organisation=organisation, defaults={"signed_on": parse_date(row["signed_on"])}
        )

    figures = read_toml("figures.toml")
    for total in figures["membership_total"]:
        MembershipTotal.objects.get_or_create(year=total["year"], defaults={"members": total["members"]})
    for position, figure in enumerate(figures["figure"]):
        ReportFigure.objects.get_or_create(
            slug=figure["slug"],
            defaults={
                "label": figure["label"],
                "value": figure["value"],
                "unit": figure.get("unit", ""),
                "year": figure["year"],
                "scope": figure["scope"],
                "member_type": figure.get("member_type", ""),
                "region": regions.get(figure.get("region", "")),
                "position": position,
            },
        )

    stdout.write("Stated in the report vs members listed:")
    for line in reconciliation():
        mark = f"{line['difference']:+d}" if line["difference"] else "ok"
        figure = line["figure"]
        stdout.write(f"  {figure.label}: stated {figure.value}, listed {line['listed']} ({mark})")
