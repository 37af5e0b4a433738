"""Sharing a project with the Exchange, in steps, as data: what each step asks and how it is checked.

Each step's values are kept as typed on a ProjectDraft (wego/drafts.py, held_as_typed) until the
project is shared from the review, where the documents are attached and the whole project is
checked once more by the form that saves it.
"""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from wego.drafts import Step, draft_data, incomplete_steps

from .forms import exchange as forms

STEPS = (
    Step("project", _("The project"), forms.AboutTheProjectForm),
    Step("place", _("Place and years"), forms.PlaceAndYearsForm),
    Step("budget", _("Budget and partners"), forms.BudgetAndPartnersForm),
    Step("results", _("Results and lessons"), forms.ResultsForm),
    Step("indicators", _("Indicators"), forms.indicators_step),
    Step("links", _("Links"), forms.links_step),
)

BY_SLUG = {step.slug: step for step in STEPS}
FORMSET_STEPS = ("indicators", "links")


def steps_to_complete(draft):
    return incomplete_steps(draft, STEPS)


def typed_project(draft):
    """Everything typed in the steps that ask for the project itself, as the whole project form is
    posted, with the organisation the draft is for."""
    data = QueryDict(mutable=True)
    for step in STEPS:
        if step.slug not in FORMSET_STEPS:
            for name, values in (draft_data(draft, step) or QueryDict()).lists():
                data.setlist(name, values)
    data["organisation"] = str(draft.organisation_id)
    return data


def typed_rows(draft, slug):
    """The rows typed in a formset's step, as the formset is posted; none when it was never saved."""
    step = BY_SLUG[slug]
    data = draft_data(draft, step)
    if data is None:
        prefix = step.form_class().prefix
        data = QueryDict(f"{prefix}-TOTAL_FORMS=0&{prefix}-INITIAL_FORMS=0")
    return data
