"""A consultant's bid on a tender, and a document attached to it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalForm, PortalModelForm
from wego.uploads import validate_attachment

from ..models import Bid


class BidForm(PortalModelForm):
    partner = forms.ModelChoiceField(label=_("Bidding for"), queryset=None, empty_label=None)

    class Meta:
        model = Bid
        fields = ["approach", "team", "timeline", "price", "currency"]
        widgets = {
            "approach": forms.Textarea(attrs={"rows": 6}),
            "team": forms.Textarea(attrs={"rows": 4}),
            "timeline": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "approach": _("How you would carry out the feasibility study and the pilot."),
            "team": _("Who would work on it, and what they have done before."),
        }

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        self.order_fields(["partner", *self.Meta.fields])

    def bid_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class BidDocumentForm(PortalForm):
    title = forms.CharField(label=_("Document title"), max_length=200)
    file = forms.FileField(label=_("File"), validators=[validate_attachment])
