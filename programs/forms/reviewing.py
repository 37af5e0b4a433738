"""The Secretariat's forms for a call's review: a reviewer by hand, or N at random per proposal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalForm


class AssignForm(PortalForm):
    subject = forms.ModelChoiceField(label=_("Submission"), queryset=None, empty_label=_("Choose one"))
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=None, empty_label=_("Choose a reviewer"))

    def __init__(self, *args, subjects, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = subjects
        self.fields["subject"].label_from_instance = lambda subject: subject.organisation.name
        self.fields["reviewer"].queryset = reviewers
        self.fields["reviewer"].label_from_instance = lambda user: user.get_full_name() or user.email


class DrawForm(PortalForm):
    per_proposal = forms.IntegerField(
        label=_("Reviewers for each"),
        min_value=1,
        max_value=10,
        initial=2,
        help_text=_("Drawn at random among those free of conflicts, the least loaded first."),
    )
