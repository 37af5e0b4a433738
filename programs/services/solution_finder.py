"""The Solution Finder's domain actions: drafts, attachments, proposals of partners."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from organisations.people import contact_of
from organisations.staff import is_secretariat
from wego.drafts import copied_back, locked_while, save_as_draft, save_complete
from wego.workflow.engine import start
from wego.workflow.errors import NotEditable
from wego.workflow.versions import was_submitted as in_a_version

from ..models import Introduction, SolutionFinderApplication
from ..workflow import EDITABLE, PROPOSING, SOLUTION_FINDER


def start_application(organisation, user):
    # The official who starts is offered as the contact, with the title they gave when asking to act
    # for the organisation; the contact step lets them change it.
    contact = contact_of(user, organisation)
    application = SolutionFinderApplication(
        organisation=organisation,
        started_by=user,
        contact_name=contact["name"],
        contact_title=contact["title"],
        contact_email=contact["email"],
    )
    return start(application, "start", actor=user)


def _locked_while_editable(application):
    return locked_while(
        application, EDITABLE, _("This application has been submitted; it can no longer be changed.")
    )


@transaction.atomic
def save_step(application, step, form=None):
    """Save one step of the form, on the locked row and only while it may be edited.

    A step's form writes only its own fields onto the row as it is now, so two officials
    saving different steps at once keep each other's answers, and nothing here ever
    writes the state. The challenges' formset writes its own rows.
    """
    return copied_back(application, save_complete(_locked_while_editable(application), step, form))


@transaction.atomic
def save_draft(application, step, form):
    """Save a step that is not complete yet: its valid fields are written, and what was typed is
    kept to be shown again (see wego/drafts.py). Completeness is asked when submitting."""
    return copied_back(application, save_as_draft(_locked_while_editable(application), step, form))


def missing_parts(application):
    """The titles of the steps that are not complete, in the form's order."""
    from ..steps import steps_to_complete

    return [step.title for step in steps_to_complete(application)]


@transaction.atomic
def propose_partner(application, partner, *, reason, actor):
    """WeGO proposes a strategic partner to the city (step 3); both sides are told."""
    if not is_secretariat(actor):
        raise PermissionDenied
    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application.pk)
    if not SOLUTION_FINDER.has(locked, PROPOSING):
        raise NotEditable(_("Partners can be proposed once the preliminary feedback has been given."))
    if locked.introductions.filter(partner=partner).exists():
        raise NotEditable(
            _("%(partner)s has already been proposed for this application.") % {"partner": partner}
        )
    introduction = Introduction(application=locked, partner=partner, reason=reason, proposed_by=actor)
    return start(introduction, "propose", actor=actor, note=reason)


MAX_ATTACHMENTS = 10


@transaction.atomic
def add_attachment(application, form, user):
    locked = _locked_while_editable(application)
    if locked.attachments.count() >= MAX_ATTACHMENTS:
        raise NotEditable(
            _("An application can have %(count)d attachments at most.") % {"count": MAX_ATTACHMENTS}
        )
    attachment = form.save(commit=False)
    attachment.application = locked
    attachment.uploaded_by = user
    attachment.save()
    return attachment


def was_submitted(attachment):
    """Whether a submitted version of the application included this file."""
    return in_a_version(
        attachment.application, "attachments", lambda files: any(a["pk"] == attachment.pk for a in files)
    )


@transaction.atomic
def remove_attachment(application, attachment):
    """Remove a file added since the last submission; a file WeGO has already received is kept
    with the version it belongs to."""
    _locked_while_editable(application)
    if was_submitted(attachment):
        raise NotEditable(
            _(
                "WeGO already received “%(title)s” with a submitted version, so it is kept. "
                "Add a newer file instead."
            )
            % {"title": attachment.title}
        )
    stored = attachment.file
    attachment.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: stored.storage.delete(stored.name), robust=True)
