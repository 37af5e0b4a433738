"""Solution packages and their Plan: stakeholders, indicators, and readings of the indicators."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalModelForm, with_prompt

from ..models import IndicatorReading, Partner, PlanIndicator, PlanStakeholder, Solution, SolutionPackage
from ..workflow import CONNECTED, INTRODUCTION


def connected_partners(application):
    """The partners both the city and they accepted to be introduced to, for this application."""
    return Partner.objects.filter(
        INTRODUCTION.q(CONNECTED, prefix="introductions__"), introductions__application=application
    ).select_related("organisation")


class PackageForm(PortalModelForm):
    class Meta:
        model = SolutionPackage
        fields = ["name", "summary", "challenges", "partners", "solutions"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "challenges": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
            "solutions": forms.CheckboxSelectMultiple,
        }
        labels = {"name": _("Package name"), "summary": _("What the package does")}
        help_texts = {
            "partners": _("The partners you are connected with through the Solution Finder."),
            "solutions": _("What those partners offer."),
        }

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        connected = connected_partners(application)
        self.fields["challenges"].queryset = application.challenges.select_related("area")
        self.fields["challenges"].error_messages["required"] = _(
            "Choose at least one challenge this package answers."
        )
        self.fields["partners"].queryset = connected
        self.fields["solutions"].queryset = Solution.objects.filter(partner__in=connected).select_related(
            "partner__organisation"
        )
        self.fields["solutions"].label_from_instance = lambda s: f"{s.name} ({s.partner.name})"

    def clean(self):
        cleaned = super().clean()
        partners = set(cleaned.get("partners") or [])
        strays = [s for s in cleaned.get("solutions") or [] if s.partner not in partners]
        if strays:
            self.add_error(
                "solutions",
                _("Also choose the partner of each solution: %(solutions)s.")
                % {"solutions": ", ".join(f"{s.name} ({s.partner.name})" for s in strays)},
            )
        return cleaned


class StakeholderForm(PortalModelForm):
    class Meta:
        model = PlanStakeholder
        fields = ["name", "organisation", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_prompt(self.fields["role"], _("Choose a role"))


class IndicatorForm(PortalModelForm):
    class Meta:
        model = PlanIndicator
        fields = ["name", "unit", "baseline", "target"]


class BaseIndicatorFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.readings.exists():
                raise forms.ValidationError(
                    _("“%(indicator)s” has recorded values; it is kept so that they are not lost.")
                    % {"indicator": form.instance.name}
                )


def plan_formsets(owner_model, fk_name):
    """The Plan's two formsets, stakeholders and indicators, for what owns a Plan (a solution
    package, a Project Implementer project)."""
    stakeholders = forms.inlineformset_factory(
        owner_model,
        PlanStakeholder,
        form=StakeholderForm,
        fk_name=fk_name,
        extra=2,
        max_num=30,
        validate_max=True,
        can_delete=True,
    )
    indicators = forms.inlineformset_factory(
        owner_model,
        PlanIndicator,
        form=IndicatorForm,
        formset=BaseIndicatorFormSet,
        fk_name=fk_name,
        extra=1,
        max_num=30,
        validate_max=True,
        can_delete=True,
    )
    return stakeholders, indicators


StakeholderFormSet, IndicatorFormSet = plan_formsets(SolutionPackage, "package")


class ReadingForm(PortalModelForm):
    class Meta:
        model = IndicatorReading
        fields = ["value", "measured_on"]
        widgets = {"measured_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measured_on"].error_messages["invalid"] = _(
            "Enter the date as year-month-day, e.g. 2027-03-01."
        )

    def clean_measured_on(self):
        measured_on = self.cleaned_data["measured_on"]
        if measured_on > timezone.localdate():
            raise forms.ValidationError(_("A value cannot be measured in the future."))
        return measured_on
