from django import forms
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalModelForm, WebAddressField, no_markup, with_prompt
from wego.uploads import validate_pdf

from .models import MembershipApplication


class MembershipApplicationForm(PortalModelForm):
    website = WebAddressField(
        label=_("website"), required=False, help_text=_("For example https://www.city.example")
    )

    class Meta:
        model = MembershipApplication
        # What the applicant answers is what each version keeps.
        fields = list(MembershipApplication.version_fields)
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 6}),
            # A plain file input: the letter is never linked from here (it is not served as media).
            "letter_of_intent": forms.FileInput(attrs={"accept": "application/pdf"}),
        }
        help_texts = {
            "letter_of_intent": _(
                "A PDF of the letter signed by the head of the organisation, 5 MB at most."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["letter_of_intent"].validators.append(validate_pdf)
        if self.instance.pk:
            self.fields["letter_of_intent"].help_text = _(
                "Leave empty to keep the letter you sent; choose a PDF (5 MB at most) to replace it."
            )
        for name in ("organisation_name", "city", "contact_name"):
            self.fields[name].validators.append(no_markup)
        with_prompt(self.fields["type"], _("Choose the type"))
        with_prompt(self.fields["country"], _("Choose the country"))

    def clean(self):
        from .services import member_called

        cleaned = super().clean()
        member = member_called(cleaned.get("organisation_name", ""), cleaned.get("country", ""))
        if member is not None:
            raise forms.ValidationError(
                _(
                    "%(name)s is already a member of WeGO. To act for it, ask to act for an organisation "
                    "from My WeGO instead."
                )
                % {"name": member.name}
            )
        return cleaned
