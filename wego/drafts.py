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


class Drafted(models.Model):
    """A submission filled in over several sittings."""

    # The steps saved as drafts that did not validate: {step slug: {posted name: [values]}}.
    # A step's entry goes once the step is saved complete.
    drafts = models.JSONField(default=dict, blank=True, editable=False)

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


def forget_draft(obj, step):
    """The step was saved complete: nothing raw is kept for it any more."""
    if step.slug in obj.drafts:
        obj.drafts = {slug: values for slug, values in obj.drafts.items() if slug != step.slug}


def is_complete(obj, step):
    if step.slug in obj.drafts:
        return False
    if step.form_class is not None:
        fields = step.form_class._meta.fields
        return step.form_class(data=model_to_dict(obj, fields=fields)).is_valid()
    return step.complete is None or step.complete(obj)


def incomplete_steps(obj, steps):
    """The steps that still need something, in the form's order."""
    return [step for step in steps if not is_complete(obj, step)]
