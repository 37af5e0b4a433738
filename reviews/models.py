from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.staff import GROUPS, REVIEWER

from .workflow import SCORECARD


class Scorecard(models.Model):
    """What reviewers score the submissions of one occasion on (a call's proposals, a tender's
    bids): the criteria with their weights, the scale, and when the scores disagree too much."""

    owner_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    owner_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("owner_type", "owner_id")
    title = models.CharField(_("title"), max_length=200)
    lowest = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    highest = models.PositiveSmallIntegerField(_("highest score"), default=5)
    disagreement = models.DecimalField(
        _("disagreement at"),
        max_digits=5,
        decimal_places=2,
        default=2,
        help_text=_(
            "A submission whose weighted scores differ by this much or more is flagged in the ranking."
        ),
    )
    reviewers_group = models.CharField(
        _("reviewers"), max_length=40, choices=[(group, group) for group in GROUPS], default=REVIEWER
    )
    recuse_same_country = models.BooleanField(
        _("recuse reviewers from the applicant's country"),
        default=False,
        help_text=_("Reviewers who act for an organisation of the applicant's country are recused."),
    )
    status = SCORECARD.state_model_field()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    workflow = SCORECARD

    class Meta:
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        constraints = [
            models.CheckConstraint(
                condition=Q(lowest__lt=models.F("highest")), name="scorecard_scale_goes_up"
            ),
        ]

    def __str__(self):
        return self.title


class Scored(models.Model):
    """What owns a scorecard (a call judging proposals, a tender judging bids): its scorecard, made
    by the programme (services.scorecard_of), and read from a prefetch when a page made one."""

    scorecards = GenericRelation(Scorecard, content_type_field="owner_type", object_id_field="owner_id")

    class Meta:
        abstract = True

    @property
    def scorecard(self):
        if not hasattr(self, "_scorecard"):
            # all(), not first(): a page that prefetched the scorecards asks no more.
            self._scorecard = next(iter(self.scorecards.all()), None)
        return self._scorecard


class Criterion(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    guidance = models.TextField(_("what reviewers look for"), blank=True)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, default=1, validators=[MinValueValidator(0.01)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["scorecard", "position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "name"], name="one_criterion_of_a_name"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weighs_something"),
        ]

    def __str__(self):
        return self.name


class Recusal(models.TextChoices):
    NONE = "", _("Not recused")
    DECLARED = "declared", _("Declared a conflict of interest")
    AFFILIATED = "affiliated", _("Acts for the applicant")
    SAME_COUNTRY = "same-country", _("From the applicant's country")


class Assignment(models.Model):
    """A reviewer asked to judge one submission on a scorecard."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="assignments")
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    recusal = models.CharField(_("recused"), max_length=20, choices=Recusal, default=Recusal.NONE, blank=True)
    recusal_note = models.TextField(_("why"), blank=True)
    recused_at = models.DateTimeField(_("recused"), null=True, blank=True)

    class Meta:
        ordering = ["scorecard", "subject_type", "subject_id", "assigned_at"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "subject_type", "subject_id", "reviewer"],
                name="one_assignment_per_reviewer_and_submission",
            )
        ]
        indexes = [models.Index(fields=["reviewer", "scorecard"])]

    def __str__(self):
        return f"{self.reviewer} · {self.subject}"

    @property
    def recused(self):
        return bool(self.recusal)


class Recommendation(models.TextChoices):
    SUPPORT = "support", _("Support")
    SUPPORT_WITH_CHANGES = "support-with-changes", _("Support, with changes")
    DO_NOT_SUPPORT = "do-not-support", _("Do not support")


class Review(models.Model):
    """An assigned reviewer's judgement: a score per criterion, a recommendation and a note for the
    applicant, tied to the version of the submission it judged."""

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    version = models.ForeignKey(
        "workflow.Version",
        verbose_name=_("version judged"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recommendation = models.CharField(_("recommendation"), max_length=30, choices=Recommendation)
    note_for_applicant = models.TextField(_("note for the applicant"), max_length=5000, blank=True)
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return str(self.assignment)


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), max_length=5000, blank=True)

    class Meta:
        ordering = ["review", "criterion__position", "criterion"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"
