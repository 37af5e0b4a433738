from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from .partners import Partner, Solution
from .solution_finder import Challenge, SolutionFinderApplication


class SolutionPackage(models.Model):
    """A solution package (step 4): solutions and partners answering some of the city's challenges,
    with its Plan: who plans, executes, monitors and evaluates it, and its indicators."""

    application = models.ForeignKey(
        SolutionFinderApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="packages",
    )
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("summary"), max_length=5000, blank=True)
    challenges = models.ManyToManyField(
        Challenge, verbose_name=_("challenges it answers"), related_name="packages"
    )
    solutions = models.ManyToManyField(
        Solution, verbose_name=_("solutions"), related_name="packages", blank=True
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners"), related_name="packages", blank=True
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("solution package")
        verbose_name_plural = _("solution packages")

    def __str__(self):
        return self.name


class StakeholderRole(models.TextChoices):
    PLAN = "plan", _("Plans")
    EXECUTE = "execute", _("Executes")
    MONITOR = "monitor", _("Monitors")
    EVALUATE = "evaluate", _("Evaluates")


# The Plan (stakeholders by role, indicators with baseline, target and readings) is that of a solution
# package or of a Project Implementer project: one of the two, never both.
PLAN_OF_ONE_THING = models.Q(package__isnull=False, proposal__isnull=True) | models.Q(
    package__isnull=True, proposal__isnull=False
)


class PlanStakeholder(models.Model):
    package = models.ForeignKey(
        SolutionPackage, on_delete=models.CASCADE, null=True, blank=True, related_name="stakeholders"
    )
    proposal = models.ForeignKey(
        "programs.Proposal", on_delete=models.CASCADE, null=True, blank=True, related_name="plan_stakeholders"
    )
    name = models.CharField(_("name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("role"), max_length=10, choices=StakeholderRole)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        constraints = [models.CheckConstraint(condition=PLAN_OF_ONE_THING, name="stakeholder_of_one_plan")]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class PlanIndicator(models.Model):
    package = models.ForeignKey(
        SolutionPackage, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators"
    )
    proposal = models.ForeignKey(
        "programs.Proposal", on_delete=models.CASCADE, null=True, blank=True, related_name="plan_indicators"
    )
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=20, decimal_places=4)
    target = models.DecimalField(_("target"), max_digits=20, decimal_places=4)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [models.CheckConstraint(condition=PLAN_OF_ONE_THING, name="indicator_of_one_plan")]

    def __str__(self):
        return f"{self.name} ({self.unit})" if self.unit else self.name

    @property
    def actual(self):
        """The latest value recorded, or None."""
        readings = list(self.readings.all())
        return readings[-1].value if readings else None


class IndicatorReading(models.Model):
    """The indicator's actual value on a date: a Plan's indicators are updated over time."""

    indicator = models.ForeignKey(PlanIndicator, on_delete=models.CASCADE, related_name="readings")
    value = models.DecimalField(_("actual value"), max_digits=20, decimal_places=4)
    measured_on = models.DateField(_("measured on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["measured_on", "recorded_at", "pk"]
        # One value of an indicator on a date: the latest date's value is the indicator's actual one.
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="one_reading_per_indicator_and_date"
            ),
        ]
        verbose_name = _("indicator reading")
        verbose_name_plural = _("indicator readings")

    def __str__(self):
        return f"{self.value} ({self.measured_on})"


# A package's partners with their organisations' names, in one query.
PARTNERS_BY_NAME = Prefetch("partners", queryset=Partner.objects.select_related("organisation"))
