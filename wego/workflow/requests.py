"""Taking a step, or writing in a thread, from a posted form: the one way the admin and the site's
pages do it, with the outcome told to the person as a message."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from ..uploads import download
from .engine import perform
from .errors import TransitionError
from .forms import StepNoteForm
from .threads import messages_of, post_message


def take_posted_step(request, obj, *, label="staff_label"):
    """Perform the step named in request.POST for request.user; tell them the outcome as a message."""
    name = request.POST.get("transition", "")
    note_form = StepNoteForm(request.POST)
    if not note_form.is_valid():
        for error in note_form.errors["note"]:
            messages.error(request, error)
        return False
    note = note_form.cleaned_data["note"]
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
    messages.success(request, _("%(what_happened)s.") % {"what_happened": what_happened(step, obj, label)})
    return True


def what_happened(step, obj, label):
    """What a person reads once their step is taken: staff the state it led to ("Published"), the
    applicant's side what the step did in their words ("You withdrew the application")."""
    if label == "staff_label":
        return type(obj).workflow.state(step.target).staff_label
    return getattr(step, label)


def take_step(request, obj, *, next_url=None, label="applicant_label"):
    """The whole of a site view that takes a posted step on `obj` (already checked to be visible to
    the person): the step, its message, and back to the page (or `next_url`)."""
    take_posted_step(request, obj, label=label)
    return redirect(next_url or obj.get_absolute_url())


def thread_attachment(obj, message_pk):
    """The file attached to a message of `obj`'s thread (already checked to be visible to the person)."""
    message = get_object_or_404(messages_of(obj).exclude(attachment=""), pk=message_pk)
    return download(message.attachment, message.attachment_name.rsplit(".", 1)[0] or "attachment")


def post_thread_message(request, obj, form):
    """Send the thread message of a valid form; True when sent. Someone on neither side gets a 404."""
    try:
        post_message(
            obj, request.user, body=form.cleaned_data["body"], attachment=form.cleaned_data["attachment"]
        )
    except PermissionDenied:
        raise Http404 from None
    except TransitionError as refusal:
        messages.error(request, str(refusal))
        return False
    messages.success(request, _("Your message was sent."))
    return True
