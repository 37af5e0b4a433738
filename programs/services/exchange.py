"""The Exchange's domain actions: keeping a project findable, sharing, publishing."""

from django.utils import timezone

from ..search import search_document


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
