"""What a city fills in to share a project with the Exchange, and to correct it when it is returned."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from organisations.access import organisations_of
from organisations.models import Organisation
from wego.forms import PortalModelForm, no_markup, with_prompt
from wego.uploads import validate_pdf

from ..models import Area, Partner, Project, ProjectDocument, ProjectIndicator, ProjectLink

FIRST_YEAR = 1990


def last_year():
    return datetime.date.today().year + 10


class ProjectForm(PortalModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Shared by"),
        queryset=None,
        empty_label=None,
        help_text=_("The member organisation you act for that shares this project."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas"),
        queryset=Area.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one area.")},
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Strategic partners involved"),
        queryset=Partner.objects.filter(is_listed=True).select_related("organisation"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Partners listed in WeGO's directory. Name any other partner below."),
    )

    # The project's city, when it is not the city of the organisation sharing it: found among the
    # organisations on the portal, or proposed for the Secretariat to confirm with the project.
    city_name = forms.CharField(
        label=_("Another city (if the project is not in your organisation's city)"),
        max_length=200,
        required=False,
        validators=[no_markup],
        help_text=_("Leave empty when the project is in the city of the organisation sharing it."),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        choices=(),
        required=False,
        help_text=_("The country of the city named above; needed only when you name a city."),
    )

    class Meta:
        model = Project
        fields = [
            "organisation",
            "title",
            "summary",
            "areas",
            "stage",
            "start_year",
            "end_year",
            "budget_amount",
            "budget_currency",
            "funding_sources",
            "partners",
            "other_partners",
            "outcomes",
            "lessons_learned",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "funding_sources": forms.Textarea(attrs={"rows": 2}),
            "outcomes": forms.Textarea(attrs={"rows": 4}),
            "lessons_learned": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Projects are shared by the member organisations the person acts for.
        self.fields["organisation"].queryset = (
            organisations_of(user).filter(member__isnull=False).order_by("name_folded")
            if user is not None
            else Organisation.objects.none()
        )
        if self.instance.pk:
            # A returned project stays with the organisation that shared it.
            self.fields["organisation"].disabled = True
            if self.instance.city_id != self.instance.organisation_id:
                self.initial.setdefault("city_name", self.instance.city.name)
                self.initial.setdefault("country", self.instance.city.country.code)
        for name in ("start_year", "end_year"):
            self.fields[name].widget.attrs.update({"min": FIRST_YEAR, "max": last_year()})
        self.fields["budget_amount"].widget.attrs["min"] = 0
        self.fields["country"].choices = [("", _("Choose the country")), *countries]
        with_prompt(self.fields["stage"], _("Choose the stage"))

    @property
    def other_city(self):
        """{"name", "country"} of the city named, or None for the sharing organisation's own city."""
        name = self.cleaned_data.get("city_name", "").strip()
        return {"name": name, "country": self.cleaned_data["country"]} if name else None

    def clean_budget_currency(self):
        currency = self.cleaned_data["budget_currency"].strip().upper()
        if currency and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
            raise ValidationError(_("Write the currency as its three-letter code, for example USD or KRW."))
        return currency

    def clean_budget_amount(self):
        amount = self.cleaned_data["budget_amount"]
        if amount is not None and amount < 0:
            raise ValidationError(_("A budget cannot be negative."))
        return amount

    def clean(self):
        data = super().clean()
        for name in ("start_year", "end_year"):
            year = data.get(name)
            if year is not None and not FIRST_YEAR <= year <= last_year():
                self.add_error(
                    name,
                    _("Give a year between %(first)d and %(last)d.")
                    % {"first": FIRST_YEAR, "last": last_year()},
                )
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The project cannot end before it starts."))
        if end and not start:
            self.add_error("start_year", _("Give the start year too."))
        if data.get("city_name", "").strip() and not data.get("country"):
            self.add_error("country", _("Choose the country of the city you named."))
        if data.get("budget_amount") is not None and not data.get("budget_currency"):
            self.add_error("budget_currency", _("Give the currency of the budget."))
        return data


class ProjectStepForm(ProjectForm):
    """One step of sharing a project: the project form asking only `asks`, checked as it would be
    when the project is shared (the years, the city's country, the budget's currency)."""

    asks = ()

    def __init__(self, data=None, **kwargs):
        super().__init__(data, user=None, **kwargs)
        for name in [name for name in self.fields if name not in self.asks]:
            del self.fields[name]

    # A step saves nothing: the database's constraints (a query each) are checked by the whole
    # project form that shares it; the years' order is checked in clean() already.
    def validate_unique(self):
        pass

    def validate_constraints(self):
        pass


class AboutTheProjectForm(ProjectStepForm):
    asks = ("title", "summary", "stage", "areas")


class PlaceAndYearsForm(ProjectStepForm):
    asks = ("city_name", "country", "start_year", "end_year")


class BudgetAndPartnersForm(ProjectStepForm):
    asks = ("budget_amount", "budget_currency", "funding_sources", "partners", "other_partners")


class ResultsForm(ProjectStepForm):
    asks = ("outcomes", "lessons_learned")


class IndicatorForm(PortalModelForm):
    class Meta:
        model = ProjectIndicator
        fields = ["name", "unit", "baseline", "target", "achieved"]


class LinkForm(PortalModelForm):
    class Meta:
        model = ProjectLink
        fields = ["title", "url"]
        help_texts = {"url": _("For example https://www.city.example/project")}


class DocumentForm(PortalModelForm):
    class Meta:
        model = ProjectDocument
        fields = ["title", "file"]
        widgets = {"file": forms.FileInput(attrs={"accept": "application/pdf"})}
        help_texts = {"file": _("A PDF, 5 MB at most.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(validate_pdf)


def formset(form, *, extra, maximum):
    return forms.inlineformset_factory(
        Project,
        form.Meta.model,
        form=form,
        extra=extra,
        max_num=maximum,
        validate_max=True,
        can_delete=True,
        can_delete_extra=False,
    )


IndicatorFormSet = formset(IndicatorForm, extra=3, maximum=30)
LinkFormSet = formset(LinkForm, extra=2, maximum=10)
DocumentFormSet = formset(DocumentForm, extra=2, maximum=5)


def indicators_step(data=None):
    return IndicatorFormSet(data, instance=Project(), prefix="indicators")


def links_step(data=None):
    return LinkFormSet(data, instance=Project(), prefix="links")


def project_forms(request, *, instance=None):
    """The project form and its three formsets, bound to the request when it posts."""
    bound = request.method == "POST"
    data, files = (request.POST, request.FILES) if bound else (None, None)
    instance = instance or Project()
    return (
        ProjectForm(data, files, instance=instance, user=request.user, prefix="project"),
        [
            IndicatorFormSet(data, files, instance=instance, prefix="indicators"),
            LinkFormSet(data, files, instance=instance, prefix="links"),
            DocumentFormSet(data, files, instance=instance, prefix="documents"),
        ],
    )
