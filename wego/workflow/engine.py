"""perform() and start(): the only functions that change a submission's state."""

from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils.functional import lazy

from wego.notifications.outbox import queue

from .definitions import NEW
from .errors import IllegalTransition, NoteRequired, NotReady, StaleState, TransitionNotAllowed
from .models import TransitionRecord


def start(obj, transition_name, *, actor, note=""):
    """Create `obj` (unsaved) by its workflow's creating step `transition_name`, in one transaction:
    saved in the step's target state, recorded in its history, its effect done and its audiences told.
    """
    workflow = type(obj).workflow
    step = workflow.transition(transition_name)
    if step is None or not step.creates:
        raise IllegalTransition(IllegalTransition.default)
    note = _checked_note(step, note)
    if not step.roles & workflow.roles_of(actor, obj):
        raise TransitionNotAllowed(TransitionNotAllowed.default)
    refusal = step.guard(obj) if step.guard else None
    if refusal:
        raise NotReady(refusal)
    with transaction.atomic():
        setattr(obj, workflow.state_field, step.target)
        obj.save()
        _complete(obj, workflow, step, NEW, actor, note)
    return obj


def perform(obj, transition_name, *, actor, note="", seen_state=None):
    """Move `obj` along `transition_name` for `actor`, in one transaction.

    The row is locked first, so two people acting at once are served one after the
    other; the second is told the object changed (when it passes the state it saw) or
    that the step is no longer possible. Returns the updated object.
    """
    workflow = type(obj).workflow
    step = workflow.transition(transition_name)
    if step is None or step.creates:
        raise IllegalTransition(IllegalTransition.default)
    note = _checked_note(step, note)

    with transaction.atomic():
        if workflow.lock_first is not None:
            list(workflow.lock_first(obj).select_for_update())
        locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        current = getattr(locked, workflow.state_field)
        if seen_state is not None and seen_state != current:
            raise StaleState(StaleState.default)
        if current not in step.sources:
            raise IllegalTransition(IllegalTransition.default)
        if not step.roles & workflow.roles_of(actor, locked):
            raise TransitionNotAllowed(TransitionNotAllowed.default)
        refusal = step.guard(locked) if step.guard else None
        if refusal:
            raise NotReady(refusal)

        setattr(locked, workflow.state_field, step.target)
        locked.save()
        _complete(locked, workflow, step, current, actor, note)
    return locked


def _checked_note(step, note):
    note = note.strip()
    if step.note_required and not note:
        raise NoteRequired(NoteRequired.default)
    return note


def _complete(obj, workflow, step, from_state, actor, note):
    TransitionRecord.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        workflow=workflow.name,
        transition=step.name,
        from_state=from_state,
        to_state=step.target,
        actor=actor,
        note=note,
    )
    if step.effect:
        step.effect(obj, actor=actor, note=note)
    # Nobody is told of their own step, but for the receipt of what they created.
    leave_out = None if step.creates else actor
    tell(
        obj,
        step.notify,
        "workflow:status",
        {
            "transition": step,
            "note": note,
            "actor": actor,
            # Made when the mail is rendered, in the recipient's language; staff never read it.
            "subject": lazy(workflow.subject_for, str)(step, obj),
        },
        leave_out=leave_out,
    )


def link_for(obj, audience):
    """Where a member of `audience` follows a mail about `obj`: the admin for staff, else its page."""
    if audience.link:
        return audience.link(obj)
    if audience.staff:
        opts = obj._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return obj.get_absolute_url()


def tell(obj, audience_names, kind, context, *, leave_out=None):
    """Queue message `kind` about `obj` for everyone in the named audiences of its workflow, once each
    (in the voice of the first audience they are in), except `leave_out`."""
    workflow = type(obj).workflow
    told = {leave_out.pk} if leave_out is not None and leave_out.is_authenticated else set()
    for name in audience_names:
        audience = workflow.audiences[name]
        for person in audience.people(obj):
            if person.pk in told or not person.is_active:
                continue
            told.add(person.pk)
            queue(
                kind,
                recipient=person,
                related=obj,
                context={
                    "workflow": workflow,
                    # Made when the mail is rendered, in the recipient's language.
                    "title": lazy(workflow.title_for, str)(obj),
                    "state": workflow.current(obj),
                    "staff": audience.staff,
                    "link": link_for(obj, audience),
                    **context,
                },
            )


def history(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return TransitionRecord.objects.filter(content_type=content_type, object_id=obj.pk)


def state_for_applicant(obj):
    """The state the applicant sees: the current one, or the last one before it that is meant for them."""
    workflow = type(obj).workflow
    current = workflow.current(obj)
    if current.shown_to_applicant:
        return current
    for record in reversed(list(history(obj))):
        if record.from_state and workflow.state(record.from_state).shown_to_applicant:
            return workflow.state(record.from_state)
    return workflow.state(workflow.initial)


class HistoryEntry(NamedTuple):
    record: TransitionRecord
    step: object  # the Transition taken
    from_state: object  # the State left, or None for the step that created the submission
    to_state: object


def _entries(obj, records):
    workflow = type(obj).workflow
    return [
        HistoryEntry(
            record,
            workflow.transition(record.transition),
            workflow.state(record.from_state) if record.from_state else None,
            workflow.state(record.to_state),
        )
        for record in records
    ]


def history_for_applicant(obj):
    """The steps the applicant is meant to see, oldest first."""
    return [entry for entry in _entries(obj, history(obj)) if entry.to_state.shown_to_applicant]


def history_for_staff(obj):
    """Every step, oldest first, for the admin: with who took it, which the applicant is not shown."""
    return _entries(obj, history(obj).select_related("actor"))


def current_note(obj):
    """The note of the step that brought `obj` to its current state (a question, a reason), or ''."""
    workflow = type(obj).workflow
    note = (
        history(obj)
        .filter(to_state=getattr(obj, workflow.state_field))
        .order_by("-created_at", "-pk")
        .values_list("note", flat=True)
        .first()
    )
    return note or ""
