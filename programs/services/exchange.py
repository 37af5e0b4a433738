"""The Exchange's domain actions: keeping a project findable, sharing, correcting, publishing."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from members.permissions import organisations_of
from members.services import region_for
from members.workflow import is_secretariat
from wego.notifications.outbox import queue

from ..models import Project
from ..search import search_document
from ..workflow import secretariat_staff

# Addresses under /driver/exchange/ that are pages, not projects.
RESERVED_SLUGS = {"compare", "share", "shared", "export-csv", "export-json"}


class NotEditable(Exception):
    """The project is not (or no longer) in a state its sharers may change it in."""


def refresh_search_document(project):
    """Rebuild the text the catalogue searches; call after the project or its areas/partners change."""
    project.search_document = search_document(
        project.title,
        project.summary,
        project.outcomes,
        project.lessons_learned,
        project.city_label,
        project.country.name if project.country else "",
        *(area.name for area in project.areas.all()),
        *(partner.name for partner in project.partners.all()),
        project.other_partners,
    )
    type(project).objects.filter(pk=project.pk).update(search_document=project.search_document)


def mark_published(project):
    """Effect of the 'publish' transition: remember when it first went public."""
    if project.published_at is None:
        project.published_at = timezone.now()
        project.save(update_fields=["published_at", "updated_at"])


def unique_slug(title):
    base = slugify(title)[:180] or "project"
    if base in RESERVED_SLUGS:
        base = f"{base}-project"
    slug, number = base, 1
    while Project.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def visible_projects(user):
    """Projects this person may open: published ones, their organisations' own, all for the Secretariat."""
    projects = Project.objects.all()
    if is_secretariat(user):
        return projects
    if not user.is_authenticated:
        return projects.published()
    return projects.filter(status="published") | projects.filter(organisation__in=organisations_of(user))


def shared_by_organisations_of(user):
    """The projects this person's organisations shared: what they may follow on the sharer's page."""
    return Project.objects.filter(organisation__in=organisations_of(user)).select_related("organisation")


def place(project):
    """Where the project is: the member city (by default the sharing organisation) or the city named."""
    if project.city_name:
        project.city = None
        project.region_id = region_for(project.country) if project.country else None
    else:
        project.city = project.city or project.organisation
        project.country = project.city.country
        project.region_id = project.city.region_id


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
    if not organisations_of(user).filter(pk=project.organisation_id).exists():
        raise PermissionError("Not an official of the organisation.")
    project.shared_by = user
    project.slug = unique_slug(project.title)
    project.status = Project.workflow.initial
    place(project)
    project.save()
    form.save_m2m()
    save_parts(project, formsets)
    refresh_search_document(project)
    for staff in secretariat_staff():
        queue("programs:project_shared", recipient=staff, related=project)
    return project


# What a sharer may change while the project is returned to them; never its status or slug.
CONTENT_FIELDS = [
    "title",
    "title_folded",
    "city",
    "city_name",
    "country",
    "region",
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
    project = form.instance
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.status != "returned" or "submitter" not in Project.workflow.roles_of(user, locked):
        raise NotEditable(_("The project can be changed only while it is returned to your organisation."))
    project = form.save(commit=False)
    project.organisation = locked.organisation  # the form may not move it to another organisation
    place(project)
    # update_fields: the state read with the form is never written back.
    project.save(update_fields=CONTENT_FIELDS)
    form.save_m2m()
    save_parts(project, formsets)
    refresh_search_document(project)
    return project
