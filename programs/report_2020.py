"""Load the Smart City Driver's facts from the 2020 annual report (programs/data/).

The sixteen areas the report lists, and the projects it names for the Exchange. Idempotent:
what exists is left as staff may have edited it.
"""

import csv
import tomllib
from pathlib import Path

from django.db import transaction

from organisations.models import Organisation

from .implementer_workflow import CALL, RESULTS
from .models import Area, Beneficiary, ImplementerCall, Project
from .services.exchange import refresh_search_document
from .workflow import PROJECT_SHARING, PUBLIC

DATA_DIR = Path(__file__).resolve().parent / "data"


@transaction.atomic
def load(stdout):
    with open(DATA_DIR / "areas.csv", newline="", encoding="utf-8") as f:
        for position, row in enumerate(csv.DictReader(f)):
            Area.objects.get_or_create(slug=row["slug"], defaults={"name": row["name"], "position": position})

    with open(DATA_DIR / "projects.toml", "rb") as f:
        projects = tomllib.load(f)["project"]
    created = 0
    for row in projects:
        city = Organisation.objects.get(slug=row["city"])
        project, was_created = Project.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "title": row["title"],
                "city": city,
                "stage": row["stage"],
                "start_year": row.get("start_year"),
                "summary": " ".join(row["summary"].split()),
                "source": row["source"],
                # The report is the Secretariat's own publication: these are published as loaded.
                "status": PROJECT_SHARING.state_with(PUBLIC),
            },
        )
        if was_created:
            created += 1
            refresh_search_document(project)
    stdout.write(
        f"  {Area.objects.count()} Smart City Driver areas; "
        f"{len(projects)} Exchange projects the report names ({created} new)."
    )
    load_calls(stdout)


def load_calls(stdout):
    """The Project Implementer calls the report tells of, decided, with their beneficiaries."""
    with open(DATA_DIR / "implementer_calls.toml", "rb") as f:
        calls = tomllib.load(f)["call"]
    for row in calls:
        call, _ = ImplementerCall.objects.get_or_create(
            year=row["year"],
            defaults={
                "title": row["title"],
                "summary": " ".join(row["summary"].split()),
                "outcome": " ".join(row["outcome"].split()),
                "source": row["source"],
                # A past call the Secretariat decided: public with its results.
                "status": CALL.state_with(RESULTS),
            },
        )
        for selected in row.get("beneficiary", []):
            Beneficiary.objects.get_or_create(
                call=call,
                organisation=Organisation.objects.get(slug=selected["city"]),
                defaults={
                    "selected_in": selected["selected_in"],
                    "project": Project.objects.filter(slug=selected.get("project", "")).first(),
                },
            )
    stdout.write(f"  {len(calls)} Project Implementer calls the report tells of, with their beneficiaries.")
