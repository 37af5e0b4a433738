"""Solution packages and their Plan: stakeholders, indicators, and readings of the indicators."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.forms import no_control_characters, style_for_bootstrap

from ..models import IndicatorReading, Partner, PlanIndicator, PlanStakeholder, Solution, SolutionPackage


def style(form):
    for field in form.fields.values():
        if isinstance(field.widget, forms.CheckboxSelectMultiple):
            field.widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(field, forms.CharField):
            field.validators.append(no_control_characters)
    style_for_bootstrap(
        {n: f for n, f in form.fields.items() if not isinstance(f.widget, forms.CheckboxSelectMultiple)}
    )


class PackageForm(forms.ModelForm):
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
        connected = Partner.objects.filter(
            introductions__application=application, introductions__status="connected"
        )
        self.fields["challenges"].queryset = application.challenges.select_related("area")
        self.fields["challenges"].error_messages["required"] = _(
            "Choose at least one challenge this package answers."
        )
        self.fields["partners"].queryset = connected
        self.fields["solutions"].queryset = Solution.objects.filter(partner__in=connected).select_related(
            "partner"
        )
        self.fields["solutions"].label_from_instance = lambda s: f"{s.name} ({s.partner.name})"
        style(self)

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


class StakeholderForm(forms.ModelForm):
    class Meta:
        model = PlanStakeholder
        fields = ["name", "organisation", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("Choose a role")), *self.fields["role"].choices[1:]]
        style(self)


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = PlanIndicator
        fields = ["name", "unit", "baseline", "target"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


StakeholderFormSet = forms.inlineformset_factory(
    SolutionPackage,
    PlanStakeholder,
    form=StakeholderForm,
    extra=2,
    max_num=30,
    validate_max=True,
    can_delete=True,
)


class BaseIndicatorFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.readings.exists():
                raise forms.ValidationError(
                    _("“%(indicator)s” has recorded values; it is kept so that they are not lost.")
                    % {"indicator": form.instance.name}
                )


IndicatorFormSet = forms.inlineformset_factory(
    SolutionPackage,
    PlanIndicator,
    form=IndicatorForm,
    formset=BaseIndicatorFormSet,
    extra=1,
    max_num=30,
    validate_max=True,
    can_delete=True,
)


class ReadingForm(forms.ModelForm):
    class Meta:
        model = IndicatorReading
        fields = ["value", "measured_on"]
        widgets = {"measured_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measured_on"].error_messages["invalid"] = _(
            "Enter the date as year-month-day, e.g. 2027-03-01."
        )
        style(self)

    def clean_measured_on(self):
        measured_on = self.cleaned_data["measured_on"]
        if measured_on > timezone.localdate():
            raise forms.ValidationError(_("A value cannot be measured in the future."))
        return measured_on
