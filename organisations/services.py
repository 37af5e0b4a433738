"""Domain actions on organisations and affiliations; the only place that changes them."""

from django.db import transaction

from wego.text import fold
from wego.text import unique_slug as slug_for
from wego.workflow.engine import start

from .models import Affiliation, Organisation

# Addresses under /members/ and /driver/partners/ that are pages, not organisations.
RESERVED_SLUGS = {"join", "offices", "stats", "export-csv", "export-json", "new"}


def unique_slug(name):
    return slug_for(Organisation, name, fallback="organisation", reserved=RESERVED_SLUGS)


def region_for(country):
    """The region organisations in this country are already placed in, if that is one region."""
    if not country:
        return None
    placed = Organisation.objects.filter(country=country, region__isnull=False).order_by()
    regions = set(placed.values_list("region", flat=True).distinct())
    return regions.pop() if len(regions) == 1 else None


def same_organisation(name, country, queryset=None):
    """The organisation of this name (case and accents aside) in this country, if there is one."""
    queryset = Organisation.objects.all() if queryset is None else queryset
    return queryset.filter(name_folded=fold(name.strip()), country=country).order_by("pk").first()


def find_or_propose(*, name, kind, country, city="", website="", proposed_by):
    """The organisation of this name in this country, or a new one that nobody else sees until the
    Secretariat confirms it. Callers offer a confirmed namesake to the person before calling this."""
    existing = same_organisation(name, country)
    if existing is not None:
        return existing
    return Organisation.objects.create(
        name=name.strip(),
        slug=unique_slug(name),
        kind=kind,
        country=country,
        region_id=region_for(country),
        city=city.strip(),
        website=website,
        confirmed=False,
        proposed_by=proposed_by,
    )


def create_organisation(*, name, kind, country="", **fields):
    """A confirmed organisation, placed in its country's region (for staff and the report's data)."""
    return Organisation.objects.create(
        name=name,
        slug=fields.pop("slug", None) or unique_slug(name),
        kind=kind,
        country=country,
        region_id=fields.pop("region_id", None) or region_for(country),
        **fields,
    )


@transaction.atomic
def request_affiliation(user, organisation, *, title, justification):
    """A signed-in person asks to act for an organisation; the Secretariat is told."""
    affiliation = Affiliation(user=user, organisation=organisation, title=title, justification=justification)
    return start(affiliation, "request", actor=user)


@transaction.atomic
def propose_and_request(user, *, proposal, title, justification):
    """The same, for an organisation the person proposes (name, kind, country, city, website)."""
    organisation = find_or_propose(**proposal, proposed_by=user)
    return request_affiliation(user, organisation, title=title, justification=justification)


@transaction.atomic
def grant_affiliation(user, organisation, *, granted_by, title, justification):
    """The Secretariat makes `user` an official of `organisation` at once (a new member's applicant)."""
    affiliation = Affiliation(user=user, organisation=organisation, title=title, justification=justification)
    return start(affiliation, "grant", actor=granted_by)
