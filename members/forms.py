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
    member = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Member.objects.order_by("name_folded"),
        empty_label=_("Choose the member organisation"),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    title = forms.CharField(label=_("Your title or position"), max_length=120)
    justification = forms.CharField(
        label=_("Why you speak for this organisation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example your role, your department and who in the organisation can confirm it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_for_bootstrap(self.fields)


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
