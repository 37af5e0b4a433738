"""Taking a step from a posted form: the one way both the admin and the site's pages do it."""

from django.contrib import messages
from django.utils.translation import gettext as _

from .engine import perform
from .errors import TransitionError

NOTE_MAX_LENGTH = 5000


def take_posted_step(request, obj, *, label="staff_label"):
    """Perform the step named in request.POST for request.user; tell them the outcome as a message."""
    name = request.POST.get("transition", "")
    note = request.POST.get("note", "")
    if len(note) > NOTE_MAX_LENGTH:
        messages.error(
            request,
            _("The note is %(length)d characters long; please keep it within %(limit)d.")
            % {"length": len(note), "limit": NOTE_MAX_LENGTH},
        )
        return False
    step = type(obj).workflow.transition(name)
    if step is not None and step.confirmation and not request.POST.get("confirmed"):
        messages.error(request, _("Tick the box to confirm “%(step)s”.") % {"step": getattr(step, label)})
        return False
    try:
        perform(
            obj,
            name,
            actor=request.user,
            note=note,
            seen_state=request.POST.get("seen_state") or None,
        )
    except TransitionError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, _("Done: %(step)s.") % {"step": getattr(step, label)})
    return True
