"""The Exchange's domain actions: keeping a project findable, sharing, correcting, publishing."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from organisations.access import acts_for, organisations_of
from organisations.models import Organisation, OrganisationKind
from organisations.services import find_or_propose
from organisations.staff import is_secretariat
from wego.text import save_with_unique_slug
from wego.workflow.engine import perform, start
from wego.workflow.errors import NotEditable

from ..models import Project, ProjectIndicator
from ..search import search_document, stored_search
from ..workflow import CORRECTABLE, PROJECT_SHARING, PUBLIC, SUBMITTER


def in_the_portals_language(text):
    """Text kept with public data is written in the portal's language, not in the actor's."""
    with translation.override(settings.LANGUAGE_CODE):
        return text()


# Addresses under /driver/exchange/ that are pages, not projects.
RESERVED_SLUGS = {"compare", "share", "shared", "export-csv", "export-json"}


def refresh_search_document(project):
    """Rebuild the text the catalogue searches; call after the project or its areas/partners change."""
    city = project.city
    project.search_document = search_document(
        project.title,
        project.summary,
        project.outcomes,
        project.lessons_learned,
        city.name,
        city.country.name if city.country else "",
        *(area.name for area in project.areas.all()),
        *(partner.name for partner in project.partners.select_related("organisation")),
        project.other_partners,
    )
    type(project).objects.filter(pk=project.pk).update(**stored_search(project.search_document))


def save_project_with_unique_slug(project, text, save):
    """`save()` the new project at a free address for `text`, even if another takes it at the same time."""
    return save_with_unique_slug(project, text, save, fallback="project", reserved=RESERVED_SLUGS)


def visible_projects(user):
    """Projects this person may open: published ones, their organisations' own, all for the Secretariat."""
    projects = Project.objects.all()
    if is_secretariat(user):
        return projects
    if not user.is_authenticated:
        return projects.published()
    return projects.filter(PROJECT_SHARING.q(PUBLIC)) | projects.filter(
        organisation__in=organisations_of(user)
    )


def shared_by_organisations_of(user):
    """The projects this person's organisations shared: what they may follow on the sharer's page."""
    return Project.objects.filter(organisation__in=organisations_of(user)).select_related("organisation")


def may_correct(user, project):
    return PROJECT_SHARING.has(project, CORRECTABLE) and SUBMITTER in PROJECT_SHARING.roles_of(user, project)


def place(project, other_city, user):
    """The project's city: the city named (found, or proposed for the Secretariat to confirm when it
    publishes the project), or by default the organisation sharing it."""
    if other_city:
        project.city = find_or_propose(
            name=other_city["name"],
            kind=OrganisationKind.LOCAL_GOVERNMENT,
            country=other_city["country"],
            proposed_by=user,
            # Never another person's proposal: publishing the project confirms its city.
            among=Organisation.objects.visible_to(user),
        )
    else:
        project.city = project.organisation


def save_parts(project, formsets):
    for formset in formsets:
        formset.instance = project
        formset.save()


@transaction.atomic
def share_project(form, formsets, user):
    """A city shares a project with the Exchange: saved as submitted, the Secretariat told, in one go.

    `form` is a valid ProjectForm (its organisation one the user acts for), `formsets` its valid
    indicator, link and document formsets.
    """
    project = form.save(commit=False)
    if not acts_for(user, project.organisation_id):
        raise PermissionDenied
    project.shared_by = user
    place(project, form.other_city, user)
    save_project_with_unique_slug(project, project.title, lambda: start(project, "share", actor=user))
    form.save_m2m()
    save_parts(project, formsets)
    refresh_search_document(project)
    return project


# What a sharer may change while the project is returned to them; never its status or slug.
CONTENT_FIELDS = [
    "title",
    "title_folded",
    "city",
    "summary",
    "stage",
    "start_year",
    "end_year",
    "budget_amount",
    "budget_currency",
    "funding_sources",
    "other_partners",
    "outcomes",
    "lessons_learned",
    "updated_at",
]


@transaction.atomic
def correct_project(form, formsets, user):
    """The sharer corrects a returned project; it stays returned until they submit it again."""
    locked = Project.objects.select_for_update().get(pk=form.instance.pk)
    if not may_correct(user, locked):
        raise NotEditable(_("The project can be changed only while it is returned to your organisation."))
    project = form.save(commit=False)
    project.organisation = locked.organisation  # the form may not move it to another organisation
    place(project, form.other_city, user)
    # update_fields: the state read with the form is never written back.
    project.save(update_fields=CONTENT_FIELDS)
    form.save_m2m()
    save_parts(project, formsets)
    refresh_search_document(project)
    return project


def publish_to_the_exchange(project, *, slug_text, areas, partners, indicators, actor, note):
    """Put a programme's finished work in the Exchange (a completed solution package, a completed
    Project Implementer project), the Plan's indicators with their latest values, in one action.

    The Secretariat's own publication goes straight into the catalogue; a city's enters the
    Exchange's moderation like any project it shares. `note()` is the publication's note, written
    in the portal's language."""
    staff = is_secretariat(actor)
    save_project_with_unique_slug(
        project, slug_text, lambda: start(project, "add" if staff else "share", actor=actor)
    )
    project.areas.set(areas)
    project.partners.set(partners)
    for position, indicator in enumerate(indicators):
        ProjectIndicator.objects.create(
            project=project,
            name=indicator.name,
            unit=indicator.unit,
            baseline=indicator.baseline,
            target=indicator.target,
            achieved=indicator.actual,
            position=position,
        )
    refresh_search_document(project)
    if staff:
        project = perform(project, "publish", actor=actor, note=in_the_portals_language(note))
    return project
