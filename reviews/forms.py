"""The reviewer's forms: a score and a comment per criterion, and the overall recommendation; the
declaration of a conflict of interest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wego.forms import PortalForm, prepare

from .models import Recommendation


class ReviewForm(PortalForm):
    recommendation = forms.ChoiceField(label=_("Overall recommendation"), choices=Recommendation.choices)
    note_for_applicant = forms.CharField(
        label=_("Note for the applicant"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the applicant may read with the result: strengths, and what to improve."),
    )
    # The version the reviewer read: a review is refused if the submission was sent again since.
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, scorecard, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        scale = [(value, str(value)) for value in range(scorecard.lowest, scorecard.highest + 1)]
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score-{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                choices=[("", _("Choose a score")), *scale],
                coerce=int,
                help_text=criterion.guidance,
                error_messages={
                    "required": _("Give a score for this criterion."),
                    "invalid_choice": _("Scores go from %(lowest)d to %(highest)d.")
                    % {"lowest": scorecard.lowest, "highest": scorecard.highest},
                },
            )
            self.fields[f"comment-{criterion.pk}"] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # The criteria's fields came after PortalForm prepared the form's own.
        self.order_fields([name for name in self.fields if name.startswith(("score-", "comment-"))])
        prepare(self)

    def criterion_rows(self):
        """(score field, comment field) per criterion, in the scorecard's order."""
        return [(self[f"score-{c.pk}"], self[f"comment-{c.pk}"]) for c in self.criteria]

    def values(self):
        """{criterion id: (value, comment)} for services.submit_review."""
        return {
            criterion.pk: (
                self.cleaned_data[f"score-{criterion.pk}"],
                self.cleaned_data[f"comment-{criterion.pk}"],
            )
            for criterion in self.criteria
        }


class ConflictForm(PortalForm):
    note = forms.CharField(
        label=_("What is the conflict of interest?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: you advised this city on the project, or you work with its partner."),
    )
