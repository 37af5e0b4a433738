from django import forms
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalForm, PortalModelForm
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


class StepNoteForm(PortalForm):
    """The note sent with a step (to the submitter, in the mail and the history): free text, so it
    refuses control characters as every form of the portal does, within a length."""

    MAX_LENGTH = 5000

    note = forms.CharField(
        required=False,
        max_length=MAX_LENGTH,
        error_messages={
            "max_length": _(
                "The note is %(show_value)d characters long; please keep it within %(limit_value)d."
            )
        },
    )
