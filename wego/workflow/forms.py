from django import forms
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalModelForm
from wego.uploads import validate_attachment

from .models import ThreadMessage


class ThreadMessageForm(PortalModelForm):
    class Meta:
        model = ThreadMessage
        fields = ["body", "attachment"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        labels = {"body": _("Your message"), "attachment": _("Attachment (optional: PDF, PNG or JPEG)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].validators.append(validate_attachment)
