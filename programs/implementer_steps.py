"""A Project Implementer proposal's steps, in order, as data: what each asks and how it is checked.

Six steps are forms on the proposal itself; the call's own questions and the letter of intent are
editors of their own, complete when every required question is answered and the letter is there.
Drafts (wego/drafts.py) keep a step's typed values until it is complete.
"""

from django.utils.translation import gettext_lazy as _

from wego.drafts import Step, incomplete_steps

from .forms import implementer as forms


def answers_every_question(proposal):
    answered = {key for key, answer in proposal.answers.items() if answer.get("answer")}
    return all(question.key in answered for question in proposal.call.questions.all() if question.required)


def has_a_letter(proposal):
    return bool(proposal.letter_of_intent)


STEPS = (
    Step("project", _("The project and its problem"), forms.ProjectForm),
    Step("objectives", _("Objectives and expected outcomes"), forms.ObjectivesForm),
    Step("scope", _("The feasibility study and the pilot"), forms.ScopeForm),
    Step("budget", _("Budget and co-funding"), forms.BudgetForm),
    Step("timeline", _("Timeline"), forms.TimelineForm),
    Step("stakeholders", _("Stakeholders"), forms.StakeholdersForm),
    Step("questions", _("The call's questions"), complete=answers_every_question),
    Step("letter", _("Letter of intent"), complete=has_a_letter),
)

BY_SLUG = {step.slug: step for step in STEPS}


def steps_to_complete(proposal):
    return incomplete_steps(proposal, STEPS)
