"""The person's name, asked at sign-up and changed on their profile; asking to act for an organisation:
one chosen from the list, or one the person proposes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from wego.forms import PortalForm, PortalModelForm, WebAddressField, no_markup

from .access import organisations_of
from .models import Organisation, OrganisationKind, User
from .people import known_title
from .services import same_organisation


class SignupNameForm(PortalForm):
    """What allauth's sign-up form adds to its own fields (ACCOUNT_SIGNUP_FORM_CLASS): the person's
    name, asked once so that staff and mail can name them. allauth's adapter saves first_name and
    last_name from the cleaned data itself."""

    first_name = forms.CharField(label=_("First name"), max_length=150, validators=[no_markup])
    last_name = forms.CharField(label=_("Last name"), max_length=150, validators=[no_markup])

    def signup(self, request, user):
        # allauth calls this after saving the user; the name is saved already.
        pass


class ProfileForm(PortalModelForm):
    """The person changes the name they gave at sign-up (the address is changed in allauth's pages)."""

    class Meta:
        model = User
        fields = ["first_name", "last_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True
            field.validators.append(no_markup)


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, organisation):
        if organisation.country:
            return f"{organisation.name} ({organisation.country.name})"
        return organisation.name


class MemberOrganisationForm(PortalForm):
    """For which member organisation a person starts something in a programme (an application, a
    project to share): one of those they act for."""

    organisation = forms.ModelChoiceField(
        label=_("For which organisation?"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "invalid_choice": _("Choose one of the organisations you act for."),
            "required": _("Choose the organisation you act for."),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations_of(user).filter(member__isnull=False).order_by("name_folded")
        )


class AffiliationRequestForm(PortalForm):
    """Either an organisation from the list, or the details of one that is not listed yet."""

    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        # An organisation someone proposed is named to nobody else until the Secretariat confirms it.
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Choose the organisation"),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
        help_text=_("A WeGO member, a strategic partner, or another city or organisation WeGO works with."),
    )
    new_name = forms.CharField(
        label=_("Name of the organisation"), max_length=200, required=False, validators=[no_markup]
    )
    new_kind = forms.ChoiceField(label=_("Type"), choices=OrganisationKind.choices, required=False)
    new_country = forms.ChoiceField(label=_("Country"), choices=(), required=False)
    new_city = forms.CharField(label=_("City"), max_length=120, required=False, validators=[no_markup])
    new_website = WebAddressField(
        label=_("Website"),
        max_length=200,
        required=False,
        help_text=_("For example https://www.city.example"),
    )
    title = forms.CharField(label=_("Your title or position"), max_length=120, validators=[no_markup])
    justification = forms.CharField(
        label=_("Why you act for this organisation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example your role, your department and who in the organisation can confirm it."),
    )

    PROPOSAL = ("new_name", "new_kind", "new_country", "new_city", "new_website")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user).order_by("name_folded")
        self.fields["new_kind"].choices = [("", _("Choose the type")), *OrganisationKind.choices]
        self.fields["new_country"].choices = [("", _("Choose the country")), *countries]
        # The title the person gave before is offered again; they may change it.
        self.fields["title"].initial = known_title(user)

    def clean(self):
        cleaned = super().clean()
        if any(name in self.errors for name in ("organisation", *self.PROPOSAL)):
            return cleaned
        chosen = cleaned.get("organisation")
        proposing = any(cleaned.get(name) for name in self.PROPOSAL)
        if chosen and proposing:
            raise forms.ValidationError(
                _("Choose an organisation from the list, or describe one that is not listed: not both.")
            )
        if not chosen and not proposing:
            self.add_error("organisation", _("Choose the organisation you act for, or describe it below."))
            return cleaned
        if proposing:
            for name, message in [
                ("new_name", _("Give the organisation's name.")),
                ("new_kind", _("Choose the type of organisation.")),
                ("new_country", _("Choose the country the organisation is in.")),
            ]:
                if not cleaned.get(name):
                    self.add_error(name, message)
            if self.errors:
                return cleaned
            listed = same_organisation(
                cleaned["new_name"], cleaned["new_country"], Organisation.objects.confirmed()
            )
            if listed is not None:
                self.offer(listed)
        return cleaned

    def offer(self, listed):
        """The organisation is listed already: choose it for the person instead of proposing a duplicate."""
        self.data = self.data.copy()
        self.data["organisation"] = str(listed.pk)
        for name in self.PROPOSAL:
            self.data[name] = ""
        self.add_error(
            "organisation",
            _(
                "%(name)s is already on the portal: it is chosen for you above. "
                "Send the request again to ask to act for it."
            )
            % {"name": listed.name},
        )

    @property
    def proposal(self):
        """The organisation described, as keyword arguments of services.find_or_propose()."""
        data = self.cleaned_data
        return {
            "name": data["new_name"],
            "kind": data["new_kind"],
            "country": data["new_country"],
            "city": data["new_city"],
            "website": data["new_website"],
        }
