"""Load the events of the 2020 annual report (events/data/): WeGO's 2020 activities, its plan for
2021 with its imprecise dates kept imprecise, and the regional networks with their partners.

Idempotent: an event, a network or an organisation that exists is left as staff may have edited it;
what an event records (its organisers, sessions, outcomes, figures) is loaded with it, once.
"""

import tomllib
from pathlib import Path

from django.db import transaction

from organisations.models import Organisation, Region

from .models import Event, EventOrganisation, Figure, Network, NetworkPartner, Outcome, Role, Session, Speaker

DATA_DIR = Path(__file__).resolve().parent / "data"
EVENT_FIELDS = (
    "title",
    "kind",
    "format",
    "theme",
    "description",
    "programme",
    "city",
    "country",
    "platform",
    "place_to_be_decided",
    "precision",
    "year",
    "month",
    "end_month",
    "quarter",
    "end_quarter",
    "start_date",
    "end_date",
    "tentative",
    "source",
    "source_note",
)
ROLES = {"hosts": Role.HOST, "co_organisers": Role.CO_ORGANISER, "sponsors": Role.SPONSOR}


def read(name):
    with open(DATA_DIR / name, "rb") as f:
        return tomllib.load(f)


def text(value):
    """A paragraph as the data file wraps it, as one."""
    return " ".join(value.split()) if isinstance(value, str) else value


@transaction.atomic
def load(stdout):
    networks = read("networks.toml")
    new_organisations = 0
    for row in networks.get("organisation", []):
        _organisation, created = Organisation.objects.get_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "kind": row["kind"], "country": row.get("country", "")},
        )
        new_organisations += created
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    regions = {region.slug: region for region in Region.objects.all()}

    new_networks = 0
    for row in networks.get("network", []):
        network, created = Network.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "short_name": row["short_name"],
                "region": regions.get(row.get("region", "")),
                "description": text(row.get("description", "")),
                "goals": "\n".join(text(goal) for goal in row.get("goals", [])),
                "source": row.get("source", ""),
                "position": row.get("position", 0),
            },
        )
        if created:
            new_networks += 1
            for position, partner in enumerate(row.get("partner", [])):
                NetworkPartner.objects.create(
                    network=network,
                    organisation=organisations[partner["organisation"]],
                    role=partner["role"],
                    position=position,
                )
    networks_by_slug = {network.slug: network for network in Network.objects.all()}

    for name in ("events_2020.toml", "plan_2021.toml"):
        rows = read(name)["event"]
        created = sum(load_event(row, organisations, regions, networks_by_slug) for row in rows)
        stdout.write(f"  {len(rows)} events in {name} ({created} new).")
    stdout.write(
        f"  {len(networks_by_slug)} regional networks ({new_networks} new); "
        f"{new_organisations} organisations the events name added."
    )


def load_event(row, organisations, regions, networks):
    if Event.objects.filter(slug=row["slug"]).exists():
        return False
    event = Event(
        slug=row["slug"],
        region=regions.get(row.get("region", "")),
        network=networks.get(row.get("network", "")),
        plan_heading=row.get("plan_group", ""),
        **{field: text(row[field]) for field in EVENT_FIELDS if field in row},
    )
    if problems := event.when.problems():
        raise ValueError(f"{row['slug']}: {problems}")
    event.save()
    for key, role in ROLES.items():
        for position, slug in enumerate(row.get(key, [])):
            EventOrganisation.objects.create(
                event=event, organisation=organisations[slug], role=role, position=position
            )
    for position, outcome in enumerate(row.get("outcomes", [])):
        Outcome.objects.create(event=event, text=text(outcome), position=position)
    for position, figure in enumerate(row.get("figure", [])):
        Figure.objects.create(event=event, position=position, **figure)
    for position, session_row in enumerate(row.get("session", [])):
        session = Session.objects.create(event=event, title=session_row["title"], position=position)
        for number, speaker in enumerate(session_row.get("speaker", [])):
            Speaker.objects.create(
                session=session,
                name=speaker.get("name", ""),
                title=speaker.get("title", ""),
                organisation_name=speaker.get("organisation_name", ""),
                organisation=organisations.get(speaker.get("organisation", "")),
                position=number,
            )
    return True
