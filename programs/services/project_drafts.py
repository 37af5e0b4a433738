"""A project written in steps before it is shared: started, kept step by step, shared or thrown away."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from organisations.access import organisations_of
from wego.drafts import keep_typed

from ..models import ProjectDraft
from .exchange import share_project


class DraftGone(Exception):
    """Another official shared or deleted the draft meanwhile."""

    def __str__(self):
        return _("This draft was shared or deleted in the meantime, perhaps by another official.")


def drafts_of(user):
    """The drafts of the organisations this person acts for: any of their officials may continue one."""
    return ProjectDraft.objects.filter(organisation__in=organisations_of(user)).select_related("organisation")


def start_draft(organisation, user):
    # Member organisations share projects, through the officials who act for them.
    if not organisations_of(user).filter(pk=organisation.pk, member__isnull=False).exists():
        raise PermissionDenied
    return ProjectDraft.objects.create(organisation=organisation, started_by=user)


def locked(draft):
    kept = ProjectDraft.objects.select_for_update().filter(pk=draft.pk).first()
    if kept is None:
        raise DraftGone
    return kept


@transaction.atomic
def keep_step(draft, step, form):
    """Keep what was typed in `step`, whether or not it is complete yet."""
    kept = locked(draft)
    keep_typed(kept, step, form)
    kept.save(update_fields=["drafts", "updated_at"])
    draft.drafts = kept.drafts


@transaction.atomic
def share_draft(draft, form, formsets, user):
    """Share the project written in the draft, which goes: exactly one project, even if two officials
    send it at the same moment (the second finds the draft gone)."""
    kept = locked(draft)
    project = share_project(form, formsets, user)
    kept.delete()
    return project


@transaction.atomic
def delete_draft(draft):
    locked(draft).delete()
