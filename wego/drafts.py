"""Drafts of a multi-step form: a step saved as a draft keeps what was typed, valid or not.

A programme declares its form's steps as data (`Step`: a form on the submission, or an editor
of its own with a `complete` check) and gives its model `Drafted`. "Save draft" then writes onto
the row every field whose value is valid (an empty required field included: a draft may leave
anything empty), and keeps the step's raw posted values, so that the next sitting shows exactly
what was typed, with what is still missing or wrong. Completeness is asked only when submitting:
`incomplete_steps()` is what the submit guard and "Continue" ask.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.forms import BaseFormSet, BaseModelForm
from django.forms.models import construct_instance, model_to_dict
from django.http import QueryDict


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    # A ModelForm on the submission, or None for a step with an editor of its own.
    form_class: type | None = None
    # For a step with its own editor: whether the submission has what the step asks. None: optional.
    complete: Callable | None = None


def step_after(steps, step):
    """The step that follows `step` in the form's order, or None after the last."""
    index = steps.index(step)
    return steps[index + 1] if index + 1 < len(steps) else None


def step_before(steps, step):
    """The step that comes before `step`, or None for the first."""
    index = steps.index(step)
    return steps[index - 1] if index > 0 else None


class Drafted(models.Model):
    """A submission filled in over several sittings."""

    # The steps saved as drafts that did not validate: {step slug: {posted name: [values]}}.
    # A step's entry goes once the step is saved complete.
    drafts = models.JSONField(default=dict, blank=True, editable=False)

    # Where a step's values live. On the row, for a submission that exists from its first step (a
    # Solution Finder application): a step saved complete is written there and its raw entry goes.
    # Only as typed, for one that cannot exist before it is submitted (a project shared with the
    # Exchange needs its city, address and state): every saved step stays raw in `drafts`, and a
    # step is complete when what was typed passes its form.
    held_as_typed = False

    class Meta:
        abstract = True


def posted_values(form):
    """What a bound form (or formset) was sent for its own fields, as {name: [values]}: not the
    buttons, the CSRF field or the submission token, which belong to the page."""
    if isinstance(form, BaseFormSet):
        prefix = f"{form.prefix}-"
        return {name: form.data.getlist(name) for name in form.data if name.startswith(prefix)}
    names = [form.add_prefix(name) for name in form.fields]
    # A widget made of several inputs posts name_0, name_1…
    return {
        name: form.data.getlist(name)
        for name in form.data
        if any(name == own or name.startswith(f"{own}_") for own in names)
    }


def draft_data(obj, step):
    """The raw values kept for `step`, as the form would have been posted them, or None."""
    values = obj.drafts.get(step.slug)
    if values is None:
        return None
    data = QueryDict(mutable=True)
    for name, posted in values.items():
        data.setlist(name, posted)
    return data


def still_missing(form):
    """The labels of what a bound form refused (or a general word for a formset's rows)."""
    if isinstance(form, BaseFormSet):
        return []
    return [str(form.fields[name].label) for name in form.errors if name in form.fields]


def keep_draft(obj, step, form):
    """Put the draft of `step` on `obj` (not saved): the fields of a model form whose values are
    valid are written, and the raw values of the whole step are kept. Returns the names of the
    model's fields written, for `save(update_fields=...)`.

    A formset's rows are only kept raw: a half-described row is nothing the database can hold.
    """
    written = []
    if isinstance(form, BaseModelForm):
        # Validated again with nothing required: an empty field is a valid draft, a wrong one is not.
        for field in form.fields.values():
            field.required = False
        form.full_clean()
        written = [
            name for name in form._meta.fields if name in form.cleaned_data and name not in form.errors
        ]
        construct_instance(form, obj, fields=written)
    obj.drafts = {**obj.drafts, step.slug: posted_values(form)}
    return written


def many_to_many_in(form):
    """The form's many-to-many fields that validated: construct_instance() leaves them out."""
    return {
        field.name: form.cleaned_data[field.name]
        for field in form._meta.model._meta.many_to_many
        if field.name in form._meta.fields
        and field.name in form.cleaned_data
        and field.name not in form.errors
    }


def locked_while(obj, flag, refusal):
    """The submission's row, locked, while its state carries `flag` (its workflow's "editable");
    NotEditable with `refusal` otherwise. Two officials saving at once are served in turn."""
    from .workflow.errors import NotEditable

    locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    if not type(obj).workflow.has(locked, flag):
        raise NotEditable(refusal)
    return locked


def copied_back(obj, locked, *fields):
    """What saving wrote on the locked row, copied onto the object the view holds."""
    for name in ("steps_saved", "drafts", *fields):
        setattr(obj, name, getattr(locked, name))
    return locked


def save_complete(locked, step, form=None):
    """Write a step that validated onto the submission's locked row, and save it: a model form's
    fields (many-to-many included), or a formset's rows. Nothing raw is kept for it any more, and
    nothing here writes the state."""
    fields = []
    if isinstance(form, BaseModelForm):
        fields = [name for name in form._meta.fields if name not in many_to_many_in(form)]
        construct_instance(form, locked, fields=fields)
    elif form is not None:
        form.save()
    forget_draft(locked, step)
    mark_saved(locked, step, fields)
    if isinstance(form, BaseModelForm):
        for name, values in many_to_many_in(form).items():
            getattr(locked, name).set(values)
    return locked


def save_as_draft(locked, step, form):
    """Save a step that is not complete yet on the submission's locked row: its valid fields are
    written and what was typed is kept (keep_draft). Completeness is asked when submitting."""
    fields = keep_draft(locked, step, form)
    mark_saved(locked, step, [name for name in fields if name not in many_to_many_in(form)])
    if isinstance(form, BaseModelForm):
        for name, values in many_to_many_in(form).items():
            getattr(locked, name).set(values)
    return locked


def mark_saved(locked, step, fields):
    """Save `fields` of the locked row, remembering that `step` was saved at least once."""
    if step.slug not in locked.steps_saved:
        locked.steps_saved = [*locked.steps_saved, step.slug]
    locked.save(update_fields=[*fields, "steps_saved", "drafts", "updated_at"])


def forget_draft(obj, step):
    """The step was saved complete: nothing raw is kept for it any more."""
    if step.slug in obj.drafts:
        obj.drafts = {slug: values for slug, values in obj.drafts.items() if slug != step.slug}


def typed_values_pass(obj, step):
    """Whether what was typed for `step` passes its form. A step never saved passes when nothing in
    it is required (a formset never saved: no row added)."""
    data = draft_data(obj, step)
    form = step.form_class(data if data is not None else QueryDict())
    if data is None and isinstance(form, BaseFormSet):
        return True
    return form.is_valid()


def keep_typed(obj, step, form):
    """Keep what was posted for `step` on a submission held only as typed values (not saved)."""
    obj.drafts = {**obj.drafts, step.slug: posted_values(form)}


def is_complete(obj, step):
    if obj.held_as_typed:
        return typed_values_pass(obj, step)
    if step.slug in obj.drafts:
        return False
    if step.form_class is not None:
        fields = step.form_class._meta.fields
        return step.form_class(data=model_to_dict(obj, fields=fields)).is_valid()
    return step.complete is None or step.complete(obj)


def incomplete_steps(obj, steps):
    """The steps that still need something, in the form's order."""
    return [step for step in steps if not is_complete(obj, step)]


@dataclass(frozen=True)
class StepProgress:
    step: Step
    number: int
    url: str
    done: bool  # saved and complete
    draft: bool  # saved, still missing something
    current: bool


def progress(obj, steps, *, saved, url_of, review_url, current=None, incomplete=None):
    """The context of templates/partials/steps_progress.html: each step done, a draft or still to
    do, and the review. `saved` are the slugs saved at least once, `url_of(step)` a step's page,
    `incomplete` the steps still needing something if the page knows them already."""
    incomplete = set(incomplete_steps(obj, steps) if incomplete is None else incomplete)
    rows = [
        StepProgress(
            step=step,
            number=number,
            url=url_of(step),
            done=step.slug in saved and step not in incomplete,
            draft=step.slug in saved and step in incomplete,
            current=step == current,
        )
        for number, step in enumerate(steps, start=1)
    ]
    return {"progress": rows, "done_count": sum(1 for row in rows if row.done), "review_url": review_url}


def shown_value(bound_field):
    """A field's typed value as a person reads it: a choice by its label."""
    value = bound_field.value()
    if hasattr(bound_field.field, "choices"):
        values = value if isinstance(value, (list, tuple)) else [value]
        chosen = {str(item) for item in values if item not in (None, "")}
        return ", ".join(str(label) for key, label in bound_field.field.choices if str(key) in chosen)
    return "" if value is None else str(value)


def typed_answers(obj, steps):
    """[(step, [(label, text)])] of what was typed in each step of a submission held as typed, for
    its review: a formset's rows one line each, the rows left empty not shown."""
    answers = []
    for step in steps:
        form = step.form_class(draft_data(obj, step))
        if isinstance(form, BaseFormSet):
            rows = [row for row in form.forms if row.has_changed()] if form.is_bound else []
            lines = [
                (
                    step.title,
                    " · ".join(
                        f"{field.label}: {text}"
                        for field in row.visible_fields()
                        if field.name != "DELETE" and (text := shown_value(field))
                    ),
                )
                for row in rows
            ]
        else:
            lines = [(field.label, shown_value(field)) for field in form.visible_fields()]
        answers.append((step, lines))
    return answers
