"""What the Smart City Driver lists on an organisation's public page: the Exchange projects it shared
or that took place in it, the Solution Finder packages it published (published as Exchange
projects), and its strategic partner profile."""

from django.db.models import Q

from organisations.appearances import Section, register

from .models import Beneficiary, Partner, Project


def published_projects_of(organisation):
    """The organisation's published projects, asked once for the page: both sections list from them."""
    if not hasattr(organisation, "_published_projects"):
        organisation._published_projects = list(
            Project.objects.published()
            .filter(Q(city=organisation) | Q(organisation=organisation))
            .select_related("city")
            # What the two lists show: a title, an address and the city where it is not this one.
            .only("title", "slug", "city__name", "organisation_id", "package_id")
            .order_by("-published_at", "title_folded", "pk")
        )
    return organisation._published_projects


def exchange_projects(organisation):
    projects = [project for project in published_projects_of(organisation) if project.package_id is None]
    return {"projects": projects} if projects else None


def solution_packages(organisation):
    projects = [project for project in published_projects_of(organisation) if project.package_id is not None]
    return {"projects": projects} if projects else None


def partner_profile(organisation):
    partner = Partner.objects.filter(organisation=organisation, is_listed=True).first()
    if partner is None:
        return None
    partner.organisation = organisation  # its address is the organisation's slug: no second query
    return {"partner": partner}


def implementer_selections(organisation):
    """The Project Implementer calls that selected the organisation as a beneficiary."""
    selections = list(
        Beneficiary.objects.filter(organisation=organisation)
        .select_related("call", "project")
        .order_by("-call__year")
    )
    return {"selections": selections} if selections else None


# The lists print the names of the cities where projects took place.
PROJECTS = frozenset({"projects", "organisations"})

register(
    Section(
        "implementer-selections",
        "programs/appearances/implementer_selections.html",
        implementer_selections,
        order=5,
        shows=frozenset({"implementer-calls", "projects"}),
    )
)
register(
    Section(
        "exchange-projects",
        "programs/appearances/exchange_projects.html",
        exchange_projects,
        order=10,
        shows=PROJECTS,
    )
)
register(
    Section(
        "solution-packages",
        "programs/appearances/solution_packages.html",
        solution_packages,
        order=20,
        shows=PROJECTS,
    )
)
register(
    Section(
        "strategic-partner",
        "programs/appearances/strategic_partner.html",
        partner_profile,
        order=30,
        # It names the organisation.
        shows=frozenset({"partners", "organisations"}),
    )
)
