"""Domain actions on organisations and affiliations; the only place that changes them."""

from django.db import transaction

from wego.text import fold, save_with_unique_slug
from wego.text import unique_slug as slug_for
from wego.workflow.engine import perform, start

from . import profiles
from .access import acts_for
from .models import Affiliation, Organisation
from .workflow import AFFILIATION, LIVE


def unique_slug(name):
    return slug_for(Organisation, name, fallback="organisation", reserved=profiles.RESERVED_SLUGS)


def save_organisation_with_unique_slug(organisation):
    """Save the new organisation at a free address, even when another takes it at the same moment."""
    save_with_unique_slug(
        organisation,
        organisation.name,
        organisation.save,
        fallback="organisation",
        reserved=profiles.RESERVED_SLUGS,
    )
    return organisation


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


def find_or_propose(*, name, kind, country, city="", website="", proposed_by, among=None):
    """The organisation of this name in this country (among `among`, by default all), or a new one that
    nobody else sees until the Secretariat confirms it. Callers offer a confirmed namesake to the person
    before calling this; a namesake someone else proposed is joined without the person learning of it."""
    existing = same_organisation(name, country, among)
    if existing is not None:
        return existing
    return save_organisation_with_unique_slug(
        Organisation(
            name=name.strip(),
            kind=kind,
            country=country,
            region_id=region_for(country),
            city=city.strip(),
            website=website,
            confirmed=False,
            proposed_by=proposed_by,
        )
    )


def create_organisation(*, name, kind, country="", **fields):
    """A confirmed organisation, placed in its country's region (for staff and the report's data)."""
    slug = fields.pop("slug", None)
    organisation = Organisation(
        name=name,
        slug=slug,
        kind=kind,
        country=country,
        region_id=fields.pop("region_id", None) or region_for(country),
        **fields,
    )
    if slug:
        organisation.save()
        return organisation
    return save_organisation_with_unique_slug(organisation)


def confirm(organisation):
    """The Secretariat confirms an organisation someone proposed: everyone may see and choose it now."""
    if not organisation.confirmed:
        organisation.confirmed = True
        organisation.save(update_fields=["confirmed", "updated_at"])
    return organisation


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
def make_official(user, organisation, *, by, title, justification):
    """The Secretariat makes `user` an official of `organisation` (a new member's applicant): their open
    request is confirmed, or one is granted at once; nothing changes for someone who already acts for it."""
    if acts_for(user, organisation):
        return None
    live = user.affiliations.filter(AFFILIATION.q(LIVE), organisation=organisation).first()
    if live is not None:
        return perform(live, "approve", actor=by)
    affiliation = Affiliation(user=user, organisation=organisation, title=title, justification=justification)
    return start(affiliation, "grant", actor=by)
