from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Member


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
        for field in self.fields.values():
            field.widget.attrs.setdefault(
                "class", "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            )
