import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Member, MembershipApplication
from .uploads import validate_pdf

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def style_for_bootstrap(fields):
    """Give every widget Bootstrap's class, so templates can render fields as they are."""
    for field in fields.values():
        is_select = isinstance(field.widget, forms.Select)
        field.widget.attrs.setdefault("class", "form-select" if is_select else "form-control")


def no_control_characters(value):
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("Remove the invisible control characters from this text."))


class AffiliationRequestForm(forms.Form):
    """A person asks to act either for a member organisation or for a strategic partner: exactly one."""

    member = forms.ModelChoiceField(
        label=_("Member organisation"),
        queryset=Member.objects.order_by("name_folded"),
        required=False,
        empty_label=_("Choose the member organisation"),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    partner = forms.ModelChoiceField(
        label=_("Or a strategic partner of the Smart City Driver"),
        # Partners the Secretariat has not listed are not named to everyone who signs in.
        queryset=None,
        required=False,
        empty_label=_("Choose the strategic partner"),
        error_messages={"invalid_choice": _("Choose a strategic partner from the list.")},
        help_text=_("A consultant, tech company, aid agency, development bank or institution."),
    )
    title = forms.CharField(label=_("Your title or position"), max_length=120)
    justification = forms.CharField(
        label=_("Why you speak for this organisation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example your role, your department and who in the organisation can confirm it."),
    )

    def __init__(self, *args, **kwargs):
        from programs.models import Partner

        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(is_listed=True).order_by("name_folded")
        style_for_bootstrap(self.fields)

    def clean(self):
        cleaned_data = super().clean()
        member, partner = cleaned_data.get("member"), cleaned_data.get("partner")
        if "member" in self.errors or "partner" in self.errors:
            return cleaned_data
        if member and partner:
            raise ValidationError(
                _("Choose either a member organisation or a strategic partner, not both: ask once for each.")
            )
        if not member and not partner:
            self.add_error(
                "member", _("Choose the member organisation or the strategic partner you speak for.")
            )
        return cleaned_data

    @property
    def organisation(self):
        """The member organisation or the strategic partner chosen."""
        return self.cleaned_data.get("member") or self.cleaned_data.get("partner")


class MembershipApplicationForm(forms.ModelForm):
    class Meta:
        model = MembershipApplication
        fields = [
            "organisation_name",
            "type",
            "country",
            "city",
            "website",
            "contact_name",
            "contact_email",
            "motivation",
            "letter_of_intent",
        ]
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 6}),
            "letter_of_intent": forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        }
        help_texts = {
            "letter_of_intent": _(
                "A PDF of the letter signed by the head of the organisation, 5 MB at most."
            ),
            "website": _("For example https://www.city.example"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["letter_of_intent"].validators.append(validate_pdf)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and name != "website":
                field.validators.append(no_control_characters)
        # Say what to choose, rather than a row of dashes.
        for name, prompt in [("type", _("Choose the type")), ("country", _("Choose the country"))]:
            self.fields[name].choices = [("", prompt), *list(self.fields[name].choices)[1:]]
        style_for_bootstrap(self.fields)
