"""The Solution Finder form's steps, in order, as data: what each asks and how it is checked.

A step is either a form on the application itself or, for the challenges and the attachments,
its own editor. Each step validates on its own; the application is complete when every step is.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .forms import solution_finder as forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    # A ModelForm on the application, or None for the steps with their own editor.
    form_class: type | None = None


STEPS = (
    Step("organisation", _("Organisation and contact"), forms.ContactForm),
    Step("challenges", _("Urban challenges")),
    Step("goals", _("Goals and expected outcomes"), forms.GoalsForm),
    Step("budget", _("Budget and funding"), forms.BudgetForm),
    Step("timeline", _("Timeline"), forms.TimelineForm),
    Step("infrastructure", _("Existing infrastructure and data"), forms.InfrastructureForm),
    Step("partners", _("Partners already involved"), forms.PartnersInvolvedForm),
    Step("attachments", _("Attachments")),
)

BY_SLUG = {step.slug: step for step in STEPS}


def step_after(step):
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def step_before(step):
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None
