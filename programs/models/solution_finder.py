from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from wego.drafts import Drafted
from wego.uploads import CheckedFileField
from wego.workflow.versions import Versioned, as_text

from ..workflow import CONNECTED, INTRODUCTION, SOLUTION_FINDER
from .areas import Area
from .partners import Partner


class BudgetRange(models.TextChoices):
    UNDER_100K = "under-100k", _("Under USD 100,000")
    TO_500K = "100k-500k", _("USD 100,000 to 500,000")
    TO_1M = "500k-1m", _("USD 500,000 to 1 million")
    TO_5M = "1m-5m", _("USD 1 to 5 million")
    OVER_5M = "over-5m", _("Over USD 5 million")
    UNKNOWN = "unknown", _("Not known yet")


class SolutionFinderApplication(Versioned, Drafted, models.Model):
    """A city's Solution Finder application (Activator Discover): its urban challenges and what it needs.

    It belongs to the organisation, not to a person: every confirmed official of the
    organisation sees and continues it.
    """

    workflow = SOLUTION_FINDER

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="solution_finder_applications",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+"
    )
    status = SOLUTION_FINDER.state_model_field(max_length=30, db_index=True)
    # The form's steps saved at least once, complete or as a draft, by slug (see programs/steps.py).
    steps_saved = models.JSONField(default=list, editable=False)

    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_title = models.CharField(_("title or position"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    goals = models.TextField(_("goals"), max_length=5000, blank=True)
    expected_outcomes = models.TextField(_("expected outcomes"), max_length=5000, blank=True)
    budget_range = models.CharField(_("budget range"), max_length=20, choices=BudgetRange, blank=True)
    funding_sources = models.TextField(_("funding sources"), max_length=2000, blank=True)
    start_by = models.DateField(_("desired start"), null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("expected duration in months"), null=True, blank=True
    )
    timeline_notes = models.TextField(_("timeline and milestones"), max_length=3000, blank=True)
    existing_infrastructure = models.TextField(_("existing infrastructure"), max_length=5000, blank=True)
    existing_data = models.TextField(_("existing data"), max_length=5000, blank=True)
    partners_involved = models.TextField(_("partners already involved"), max_length=3000, blank=True)

    feedback = models.TextField(_("preliminary feedback"), blank=True, editable=False)
    feedback_at = models.DateTimeField(_("feedback given"), null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True, editable=False)
    implementing_since = models.DateTimeField(
        _("implementation started"), null=True, blank=True, editable=False
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("Solution Finder application")
        verbose_name_plural = _("Solution Finder applications")

    def __str__(self):
        return _("%(organisation)s, Solution Finder no. %(number)s") % {
            "organisation": self.organisation,
            "number": self.pk,
        }

    def get_absolute_url(self):
        return reverse("programs:application", args=[self.pk])

    def version_content(self):
        """The answers of every step in the form's order, the organisation first; each challenge and
        the list of attachments as items of their own."""
        from ..steps import STEPS

        content = [{"key": "organisation", "value": self.organisation.name}]
        for step in STEPS:
            if step.form_class is not None:
                content += [
                    {"key": name, "value": as_text(getattr(self, name))}
                    for name in step.form_class._meta.fields
                ]
            elif step.slug == "challenges":
                content += [
                    {
                        "key": f"challenge-{challenge.pk}",
                        "value": {
                            "area": challenge.area.name,
                            "priority": challenge.priority,
                            "problem_statement": challenge.problem_statement,
                            "affected": challenge.affected,
                            "current_situation": challenge.current_situation,
                        },
                    }
                    for challenge in self.challenges.select_related("area")
                ]
            elif step.slug == "attachments":
                attachments = [{"pk": a.pk, "title": a.title} for a in self.attachments.all()]
                content.append({"key": "attachments", "value": attachments})
        return content

    @classmethod
    def version_item_text(cls, item, number=None):
        key, value = item["key"], item["value"]
        if key == "organisation":
            return gettext("Organisation"), value
        if key == "attachments":
            return gettext("Attachments"), "\n".join(attachment["title"] for attachment in value)
        if key.startswith("challenge-"):
            priority = dict(Priority.choices).get(value["priority"], value["priority"])
            text = "\n".join(
                [
                    f"{gettext('Area')}: {gettext(value['area'])}",
                    f"{gettext('Priority')}: {priority}",
                    f"{gettext('Problem statement')}: {value['problem_statement']}",
                    f"{gettext('Who is affected')}: {value['affected']}",
                    f"{gettext('Current situation')}: {value['current_situation']}",
                ]
            )
            label = gettext("Challenge %(number)d") % {"number": number} if number else gettext("Challenge")
            return label, text
        return super().version_item_text(item, number)


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Challenge(models.Model):
    """One urban challenge a city brings to the Solution Finder."""

    application = models.ForeignKey(
        SolutionFinderApplication, on_delete=models.CASCADE, related_name="challenges"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="challenges"
    )
    problem_statement = models.TextField(_("problem statement"), max_length=3000)
    affected = models.TextField(_("who is affected"), max_length=2000)
    current_situation = models.TextField(_("current situation"), max_length=3000)
    priority = models.CharField(_("priority"), max_length=10, choices=Priority)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("urban challenge")
        verbose_name_plural = _("urban challenges")

    def __str__(self):
        return f"{self.area}: {self.problem_statement[:60]}"


class ApplicationAttachment(models.Model):
    application = models.ForeignKey(
        SolutionFinderApplication, on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=200)
    file = CheckedFileField(_("file"), upload_to="solution-finder/attachments/%Y/", max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title


class Introduction(models.Model):
    """WeGO proposes a strategic partner to a city (step 3); both sides accept before they connect."""

    workflow = INTRODUCTION

    application = models.ForeignKey(
        SolutionFinderApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="introductions",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="introductions"
    )
    reason = models.TextField(_("why this partner"), max_length=2000)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    status = INTRODUCTION.state_model_field()
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.UniqueConstraint(fields=["application", "partner"], name="one_introduction_per_partner")
        ]

    def __str__(self):
        return f"{self.application.organisation} ↔ {self.partner}"

    def get_absolute_url(self):
        return self.application.get_absolute_url()

    @property
    def contacts_shared(self):
        return INTRODUCTION.has(self, CONNECTED)
