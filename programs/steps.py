"""The Solution Finder form's steps, in order, as data: what each asks and how it is checked.

A step is either a form on the application itself or, for the challenges and the attachments,
its own editor. Each step validates on its own; the application is complete when every step is.
Drafts (wego/drafts.py) keep a step's typed values until it is; the attachments are optional.
"""

from django.utils.translation import gettext_lazy as _

from wego.drafts import Step, incomplete_steps

from .forms import solution_finder as forms


def has_a_challenge(application):
    return application.challenges.exists()


STEPS = (
    Step("organisation", _("Organisation and contact"), forms.ContactForm),
    Step("challenges", _("Urban challenges"), complete=has_a_challenge),
    Step("goals", _("Goals and expected outcomes"), forms.GoalsForm),
    Step("budget", _("Budget and funding"), forms.BudgetForm),
    Step("timeline", _("Timeline"), forms.TimelineForm),
    Step("infrastructure", _("Existing infrastructure and data"), forms.InfrastructureForm),
    Step("partners", _("Partners already involved"), forms.PartnersInvolvedForm),
    Step("attachments", _("Attachments")),
)

BY_SLUG = {step.slug: step for step in STEPS}


def steps_to_complete(application):
    """The steps the application still needs before it can be submitted, in the form's order."""
    return incomplete_steps(application, STEPS)
