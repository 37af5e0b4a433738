"""perform(): the only function that changes a submission's state."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wego.notifications.outbox import queue

from .errors import IllegalTransition, NoteRequired, NotReady, StaleState, TransitionNotAllowed
from .models import TransitionRecord


def perform(obj, transition_name, *, actor, note="", seen_state=None):
    """Move `obj` along `transition_name` for `actor`, in one transaction.

    The row is locked first, so two people acting at once are served one after the
    other; the second is told the object changed (when it passes the state it saw) or
    that the step is no longer possible. Returns the updated object.
    """
    workflow = type(obj).workflow
    step = workflow.transition(transition_name)
    if step is None:
        raise IllegalTransition(IllegalTransition.default)
    note = note.strip()
    if step.note_required and not note:
        raise NoteRequired(NoteRequired.default)

    with transaction.atomic():
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
        TransitionRecord.objects.create(
            content_type=ContentType.objects.get_for_model(locked),
            object_id=locked.pk,
            workflow=workflow.name,
            transition=step.name,
            from_state=current,
            to_state=step.target,
            actor=actor,
            note=note,
        )
        if step.effect:
            step.effect(locked, actor=actor, note=note)
        for kind, recipient in step.notify(locked, step) if step.notify else ():
            queue(
                kind,
                recipient=recipient,
                related=locked,
                context={"transition": step, "state": workflow.state(step.target), "note": note},
            )
    return locked


def history(obj):
    return TransitionRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("actor")


def state_for_applicant(obj):
    """The state the applicant sees: the current one, or the last one before it that is meant for them."""
    workflow = type(obj).workflow
    current = workflow.state(getattr(obj, workflow.state_field))
    if current.shown_to_applicant:
        return current
    for record in reversed(list(history(obj))):
        if workflow.state(record.from_state).shown_to_applicant:
            return workflow.state(record.from_state)
    return workflow.state(workflow.initial)


def history_for_applicant(obj):
    """(record, transition) for each step the applicant is meant to see."""
    workflow = type(obj).workflow
    return [
        (record, workflow.transition(record.transition))
        for record in history(obj)
        if workflow.state(record.to_state).shown_to_applicant
    ]
