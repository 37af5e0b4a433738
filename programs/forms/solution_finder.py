"""The Solution Finder's forms: one per step of the application, the thread, and the proposals."""

import re

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalForm, PortalModelForm, with_prompt
from wego.uploads import validate_attachment

from ..models import ApplicationAttachment, Challenge, Partner, SolutionFinderApplication

# Digits with the usual separators, and enough of them to be a telephone number.
PHONE = re.compile(r"\+?[\d\s().-]{6,40}")


class StepForm(PortalModelForm):
    """A step of the application: every field listed in `required` must be filled in."""

    required = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.required = name in self.required


class ContactForm(StepForm):
    required = ("contact_name", "contact_title", "contact_email")

    class Meta:
        model = SolutionFinderApplication
        fields = ["contact_name", "contact_title", "contact_email", "contact_phone"]
        help_texts = {
            "contact_email": _("WeGO and, once you accept an introduction, the partner write here.")
        }

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        if phone and not PHONE.fullmatch(phone):
            raise forms.ValidationError(
                _("Write the number with digits, spaces and + - ( ) only, for example +63 78 652 0000.")
            )
        return phone


class GoalsForm(StepForm):
    required = ("goals", "expected_outcomes")

    class Meta:
        model = SolutionFinderApplication
        fields = ["goals", "expected_outcomes"]
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 5}),
            "expected_outcomes": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "goals": _("What should change for the city and its people?"),
            "expected_outcomes": _("How will you know it worked? Figures help, e.g. “waiting time halved”."),
        }


class BudgetForm(StepForm):
    required = ("budget_range",)

    class Meta:
        model = SolutionFinderApplication
        fields = ["budget_range", "funding_sources"]
        widgets = {"funding_sources": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "funding_sources": _("For example the city budget, a national programme, a development bank.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_prompt(self.fields["budget_range"], _("Choose a range"))


class TimelineForm(StepForm):
    required = ("duration_months",)

    class Meta:
        model = SolutionFinderApplication
        fields = ["start_by", "duration_months", "timeline_notes"]
        widgets = {
            "start_by": forms.DateInput(attrs={"type": "date"}),
            "timeline_notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_by"].error_messages["invalid"] = _(
            "Enter the date as year-month-day, e.g. 2027-03-01."
        )
        # One message for every out-of-range duration (clean_duration_months), not the model's own.
        self.fields["duration_months"].validators = []
        self.fields["duration_months"].widget.attrs.update({"min": 1, "max": 120})

    def clean_start_by(self):
        start_by = self.cleaned_data.get("start_by")
        # Checked when it is given or changed, so an application answered long ago is not refused.
        if start_by and "start_by" in self.changed_data and start_by < timezone.localdate():
            raise forms.ValidationError(_("The desired start cannot be in the past."))
        return start_by

    def clean_duration_months(self):
        months = self.cleaned_data.get("duration_months")
        if months is not None and not 1 <= months <= 120:
            raise forms.ValidationError(_("Give a duration between 1 and 120 months."))
        return months


class InfrastructureForm(StepForm):
    required = ("existing_infrastructure",)

    class Meta:
        model = SolutionFinderApplication
        fields = ["existing_infrastructure", "existing_data"]
        widgets = {
            "existing_infrastructure": forms.Textarea(attrs={"rows": 5}),
            "existing_data": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "existing_infrastructure": _("Networks, sensors, platforms, control rooms… or “none yet”."),
            "existing_data": _("Which data the city already collects or publishes."),
        }


class PartnersInvolvedForm(StepForm):
    class Meta:
        model = SolutionFinderApplication
        fields = ["partners_involved"]
        widgets = {"partners_involved": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "partners_involved": _("Companies, agencies or universities already working with you, if any.")
        }


class ChallengeForm(PortalModelForm):
    class Meta:
        model = Challenge
        fields = ["area", "problem_statement", "affected", "current_situation", "priority"]
        widgets = {
            "problem_statement": forms.Textarea(attrs={"rows": 3}),
            "affected": forms.Textarea(attrs={"rows": 2}),
            "current_situation": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].empty_label = _("Choose an area")
        with_prompt(self.fields["priority"], _("Choose a priority"))


MAX_CHALLENGES = 10


class BaseChallengeFormSet(forms.BaseInlineFormSet):
    default_error_messages = {
        "too_few_forms": _("Describe at least one urban challenge."),
        "too_many_forms": _("An application can describe %(num)d challenges at most."),
    }


def challenge_formset(application):
    """The challenges' editor: the first challenge alone, then those saved and one blank form for another."""
    return forms.inlineformset_factory(
        SolutionFinderApplication,
        Challenge,
        form=ChallengeForm,
        formset=BaseChallengeFormSet,
        extra=1 if application.challenges.exists() else 0,
        max_num=MAX_CHALLENGES,
        validate_max=True,
        min_num=1,
        validate_min=True,
        can_delete=True,
    )


class AttachmentForm(PortalModelForm):
    class Meta:
        model = ApplicationAttachment
        fields = ["title", "file"]
        labels = {"file": _("File (PDF, PNG or JPEG)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(validate_attachment)
        self.fields["file"].help_text = _("Up to %(size)d MB.") % {"size": settings.UPLOAD_MAX_BYTES // 2**20}


class ProposePartnerForm(PortalForm):
    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=Partner.objects.none(),
        empty_label=_("Choose a partner"),
        error_messages={"invalid_choice": _("Choose a partner from the list.")},
    )
    reason = forms.CharField(
        label=_("Why this partner (both sides read it)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = (
            Partner.objects.filter(is_listed=True)
            .exclude(introductions__application=application)
            .select_related("organisation")
        )
