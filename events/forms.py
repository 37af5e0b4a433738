from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from wego.forms import PortalForm, no_markup, with_prompt


class RegistrationForm(PortalForm):
    """Registering without an account, or for another address than one's own: the address is
    confirmed from a mail before anything is booked in its name."""

    name = forms.CharField(label=_("Your name"), max_length=200, validators=[no_markup])
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_(
            "We send a link to confirm it. A free seat is kept for you for 30 minutes meanwhile; "
            "the registration counts once you follow the link."
        ),
    )
    organisation_name = forms.CharField(
        label=_("Organisation"), max_length=200, required=False, validators=[no_markup]
    )
    # With an empty choice first: with_prompt() words it (and would otherwise take Afghanistan's place).
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", ""), *countries], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_prompt(self.fields["country"], _("Choose the country"))


class CheckInSearchForm(PortalForm):
    q = forms.CharField(label=_("Name or address"), max_length=100, required=False)


class AttendanceImportForm(PortalForm):
    file = forms.FileField(
        label=_("The platform's participant report (CSV)"),
        help_text=_("Zoom's or Webex's export: a column of email addresses is enough. 2 MB at most."),
    )
