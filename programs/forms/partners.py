"""What a partner's officials edit: the profile (not the name, type, member link or listing, which the
Secretariat manages in the admin) and the partner's solutions."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from members.forms import no_control_characters, style_for_bootstrap
from members.models import Member, MemberType

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
    def label_from_instance(self, member):
        return f"{member.name} ({member.country.name})" if member.country else member.name


def prepare(form):
    """Control characters refused in text, checkboxes styled as such, Bootstrap's look on the rest."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and not isinstance(field, forms.URLField):
            field.validators.append(no_control_characters)
        if isinstance(field.widget, forms.CheckboxSelectMultiple):
            field.widget.attrs.setdefault("class", "form-check-input")
    style_for_bootstrap(form.fields)


class PartnerProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=language_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("The languages you can work with cities in. Hold Ctrl (Cmd on a Mac) to choose several."),
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
            "website",
        ]
        field_classes = {"areas": AreaField}
        widgets = {
            "profile": forms.Textarea(attrs={"rows": 8}),
            "regions": forms.CheckboxSelectMultiple,
        }
        help_texts = {"website": _("For example https://www.company.example")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prepare(self)


class SolutionForm(forms.ModelForm):
    deployed_in = MemberCityField(
        label=_("Member cities deployed in"),
        queryset=Member.objects.filter(type=MemberType.LOCAL_GOVERNMENT).order_by("name_folded"),
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
        # Say what to choose, rather than a row of dashes.
        for name, prompt in [
            ("maturity", _("Choose the maturity")),
            ("price_model", _("Choose the price model")),
        ]:
            self.fields[name].choices = [("", prompt), *list(self.fields[name].choices)[1:]]
        prepare(self)
