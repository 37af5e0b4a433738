"""Step 4's forms: a milestone's deliverable, a progress report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalForm
from wego.uploads import validate_attachment


class DeliverableForm(PortalForm):
    deliverable = forms.FileField(label=_("Deliverable"), validators=[validate_attachment])


class ReportForm(PortalForm):
    summary = forms.CharField(
        label=_("Progress since the last report"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5})
    )
    file = forms.FileField(
        label=_("Report file (optional)"), required=False, validators=[validate_attachment]
    )
