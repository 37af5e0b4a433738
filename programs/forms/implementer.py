"""The Project Implementer's forms: one per step of a proposal, the call's own questions, the letter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.access import organisations_of
from organisations.forms import MemberOrganisationForm
from wego.forms import PortalForm, prepare, with_prompt
from wego.uploads import validate_pdf

from ..models import Area, Proposal, SolutionFinderApplication
from .solution_finder import StepForm


def textareas(*names, rows=5):
    return {name: forms.Textarea(attrs={"rows": rows}) for name in names}


class ProjectForm(StepForm):
    required = ("title", "areas", "problem")

    class Meta:
        model = Proposal
        fields = ["title", "areas", "problem"]
        widgets = {"areas": forms.CheckboxSelectMultiple, **textareas("problem")}
        help_texts = {
            "problem": _("The urban challenge the project answers: who it affects and how, today."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = Area.objects.all()


class ObjectivesForm(StepForm):
    required = ("objectives", "expected_outcomes")

    class Meta:
        model = Proposal
        fields = ["objectives", "expected_outcomes"]
        widgets = textareas("objectives", "expected_outcomes")
        help_texts = {
            "expected_outcomes": _("How will you know it worked? Figures help, e.g. “waiting time halved”."),
        }


class ScopeForm(StepForm):
    required = ("study_scope", "pilot_scope")

    class Meta:
        model = Proposal
        fields = ["study_scope", "pilot_scope"]
        widgets = textareas("study_scope", "pilot_scope")
        help_texts = {
            "study_scope": _("What the feasibility study should establish, and for which part of the city."),
            "pilot_scope": _("What the pilot project would try out, where, and for whom."),
        }


class BudgetForm(StepForm):
    required = ("budget_amount", "budget_currency")

    class Meta:
        model = Proposal
        fields = ["budget_amount", "budget_currency", "co_funding"]
        widgets = textareas("co_funding", rows=3)
        help_texts = {
            "co_funding": _("What the city or other funders put in beside WeGO's support."),
        }

    def clean_budget_amount(self):
        amount = self.cleaned_data["budget_amount"]
        if amount is not None and amount <= 0:
            raise forms.ValidationError(_("Give an amount above zero."))
        return amount


class TimelineForm(StepForm):
    required = ("duration_months", "timeline")

    class Meta:
        model = Proposal
        fields = ["start_by", "duration_months", "timeline"]
        widgets = {"start_by": forms.DateInput(attrs={"type": "date"}), **textareas("timeline", rows=4)}

    def clean_duration_months(self):
        months = self.cleaned_data["duration_months"]
        if months is not None and not 1 <= months <= 60:
            raise forms.ValidationError(_("Give a duration from 1 to 60 months."))
        return months


class StakeholdersForm(StepForm):
    required = ("stakeholders",)

    class Meta:
        model = Proposal
        fields = ["stakeholders"]
        widgets = textareas("stakeholders", rows=4)
        help_texts = {
            "stakeholders": _("Who plans, carries out, monitors and evaluates the project, and their roles."),
        }


class QuestionsForm(PortalForm):
    """The call's own questions, one field each, built from the call's data."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[question.key] = forms.CharField(
                label=question.label,
                help_text=question.help_text,
                required=question.required,
                max_length=question.max_length,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.questions = {question.key: question for question in questions}
        prepare(self)  # the questions' fields came after PortalForm prepared the form's own

    def answers(self):
        """{key: {"question", "answer"}} of what validated, with each question as it was asked."""
        return {
            key: {"question": self.questions[key].label, "answer": value}
            for key, value in self.cleaned_data.items()
            if value
        }


class LetterForm(PortalForm):
    letter_of_intent = forms.FileField(
        label=_("Letter of intent signed by the mayor (PDF)"),
        validators=[validate_pdf],
        help_text=_("Scanned or exported as a PDF."),
    )


class StartProposalForm(MemberOrganisationForm):
    """Which of the person's eligible organisations proposes, and from which of its Solution Finder
    applications, if any, the proposal starts."""

    from_application = forms.ModelChoiceField(
        label=_("Start from a Solution Finder application"),
        queryset=SolutionFinderApplication.objects.none(),
        required=False,
        help_text=_(
            "Its challenges, goals, funding, timeline and partners fill in the proposal's first answers."
        ),
    )

    def __init__(self, *args, user, call, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        field = self.fields["organisation"]
        # Not only members: the call says who may propose.
        field.queryset = call.eligible(organisations_of(user).order_by("name_folded"))
        self.fields["from_application"].queryset = SolutionFinderApplication.objects.filter(
            organisation__in=field.queryset
        ).select_related("organisation")
        with_prompt(self.fields["from_application"], _("No: start with an empty form"))

    def clean(self):
        cleaned = super().clean()
        application = cleaned.get("from_application")
        organisation = cleaned.get("organisation")
        if application and organisation and application.organisation_id != organisation.pk:
            self.add_error("from_application", _("Choose an application of the organisation that proposes."))
        return cleaned
