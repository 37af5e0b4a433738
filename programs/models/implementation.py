"""Step 4 of the Project Implementer: the feasibility study and the pilot, milestone by milestone,
and the progress reports due on the schedule staff set for the project."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wego.uploads import CheckedFileField, validate_attachment

from ..implementation_workflow import MILESTONE
from .implementer import Proposal


class Phase(models.TextChoices):
    STUDY = "feasibility-study", _("Feasibility study")
    PILOT = "pilot", _("Pilot project")


class Milestone(models.Model):
    workflow = MILESTONE

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones"
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase)
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due on"))
    deliverable = CheckedFileField(
        _("deliverable"),
        upload_to="implementer/deliverables/%Y/",
        max_length=200,
        blank=True,
        validators=[validate_attachment],
    )
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    status = MILESTONE.state_model_field(max_length=20, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["proposal", "due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programs:implementer-project", args=[self.proposal_id])


class ProgressReport(models.Model):
    """A progress report due on a date of the project's schedule; sent once, by the city or the consultant."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("project"), on_delete=models.CASCADE, related_name="reports"
    )
    due_on = models.DateField(_("due on"))
    summary = models.TextField(_("progress"), max_length=10000, blank=True)
    file = CheckedFileField(
        _("report file"),
        upload_to="implementer/reports/%Y/",
        max_length=200,
        blank=True,
        validators=[validate_attachment],
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["proposal", "due_on", "pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "due_on"], name="one_report_per_project_and_date")
        ]

    def __str__(self):
        return _("Progress report due on %(date)s") % {"date": self.due_on}

    def get_absolute_url(self):
        return reverse("programs:implementer-project", args=[self.proposal_id])
