"""The form in which an organisation's officials propose a change to its public profile."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalModelForm, WebAddressField
from wego.uploads import validate_image

from .models import PROFILE_FIELDS, ProfileChange


class ProfileChangeForm(PortalModelForm):
    website = WebAddressField(
        label=_("Website"),
        max_length=200,
        required=False,
        help_text=_("For example https://www.city.example"),
    )
    logo = forms.FileField(
        label=_("New logo"),
        required=False,
        validators=[validate_image],
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
        help_text=_("A PNG or JPEG image. Leave empty to keep the present logo."),
    )

    class Meta:
        model = ProfileChange
        fields = list(PROFILE_FIELDS)
        labels = {"description": _("Description"), "contact_email": _("Contact email")}
        help_texts = {
            "description": _("What the organisation is and what it does, as visitors should read it."),
            "contact_email": _("The public address where visitors can write to the organisation."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
