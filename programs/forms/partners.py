"""What a partner's officials edit: the profile (not the name, type, member link or listing, which the
Secretariat manages in the admin) and the partner's solutions."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, OrganisationKind
from wego.forms import PortalModelForm, WebAddressField, with_prompt

from ..models import LANGUAGE_CHOICES, Area, Partner, Solution


def language_choices():
    names = [(code, gettext(name)) for code, name in LANGUAGE_CHOICES]
    return sorted(names, key=lambda choice: choice[1])


class AreaField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset=Area.objects.all(), **kwargs)

    def label_from_instance(self, area):
        return gettext(area.name)


class MemberCityField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, city):
        return f"{city.name} ({city.country.name})" if city.country else city.name


class PartnerProfileForm(PortalModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=language_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("The languages you can work with cities in. Hold Ctrl (Cmd on a Mac) to choose several."),
    )

    # The website is the partner's organisation's; services.partners saves it there.
    website = WebAddressField(
        label=_("website"), required=False, help_text=_("For example https://www.company.example")
    )

    class Meta:
        model = Partner
        fields = [
            "profile",
            "areas",
            "regions",
            "languages",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        field_classes = {"areas": AreaField}
        widgets = {
            "profile": forms.Textarea(attrs={"rows": 8}),
            "regions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("website", self.instance.organisation.website)


class SolutionForm(PortalModelForm):
    deployed_in = MemberCityField(
        label=_("Member cities deployed in"),
        queryset=Organisation.objects.filter(
            kind=OrganisationKind.LOCAL_GOVERNMENT, member__isnull=False
        ).order_by("name_folded"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("WeGO member cities only, by name. Hold Ctrl (Cmd on a Mac) to choose several."),
    )

    class Meta:
        model = Solution
        fields = [
            "name",
            "summary",
            "areas",
            "maturity",
            "price_model",
            "deployed_in",
            "deployed_elsewhere",
            "references",
        ]
        field_classes = {"areas": AreaField}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "references": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "references": _("Cities, projects or publications that can vouch for the solution."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_prompt(self.fields["maturity"], _("Choose the maturity"))
        with_prompt(self.fields["price_model"], _("Choose the price model"))
