"""The Project Implementer: the yearly call, the cities' proposals to it, and its beneficiaries."""

import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, OrganisationKind
from reviews.models import Scored
from wego.drafts import Drafted
from wego.money import CurrencyField
from wego.uploads import CheckedFileField, validate_pdf
from wego.workflow.versions import Versioned, as_text

from ..implementer_workflow import ANNOUNCED, CALL, PROPOSAL, RECEIVING, REPLACEABLE
from .areas import Area
from .exchange import Project
from .solution_finder import SolutionFinderApplication


class Eligibility(models.TextChoices):
    MEMBER_LOCAL_GOVERNMENTS = "member-local-governments", _("Local governments that are WeGO members")
    MEMBERS = "members", _("Every WeGO member")
    LOCAL_GOVERNMENTS = "local-governments", _("Every local government, member or not")


class CallQuerySet(models.QuerySet):
    def announced(self):
        return self.filter(CALL.q(ANNOUNCED))


class ImplementerCall(Scored, models.Model):
    """One year's call for project proposals; its selection criteria, weights and reviewers are its
    scorecard's (reviews.Scored), made with the call."""

    workflow = CALL

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=5000)
    guidelines = CheckedFileField(
        _("guidelines (PDF)"),
        upload_to="implementer/guidelines/%Y/",
        max_length=200,
        blank=True,
        validators=[validate_pdf],
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True, help_text=_("In Seoul time."))
    closes_at = models.DateTimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("In Seoul time. Proposals sent after this moment, by the portal's clock, are refused."),
    )
    support_amount = models.DecimalField(
        _("financial support"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    support_currency = CurrencyField(_("currency"), blank=True)
    technical_assistance = models.TextField(_("technical assistance"), max_length=3000, blank=True)
    beneficiaries = models.PositiveSmallIntegerField(_("number of beneficiaries"), default=1)
    eligibility = models.CharField(
        _("who may propose"),
        max_length=30,
        choices=Eligibility,
        default=Eligibility.MEMBER_LOCAL_GOVERNMENTS,
    )
    # What became of the call, for the public pages: told by the report for a past call.
    outcome = models.TextField(_("where the call stands"), max_length=3000, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, editable=False)
    status = CALL.state_model_field(max_length=30, db_index=True)
    results_released_at = models.DateTimeField(_("results released"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Project Implementer call")
        verbose_name_plural = _("Project Implementer calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(opens_at__lt=models.F("closes_at")),
                name="a_call_closes_after_it_opens",
            ),
        ]

    def __str__(self):
        # The report's title is translated (programs/report_strings.py); a title staff wrote reads as written.
        return gettext(self.title)

    def get_absolute_url(self):
        return reverse("programs:implementer-call", args=[self.year])

    def is_receiving(self, now=None):
        """Announced, opened and not closed, by the server's clock."""
        now = now or timezone.now()
        return (
            CALL.has(self, RECEIVING)
            and self.opens_at is not None
            and self.closes_at is not None
            and self.opens_at <= now < self.closes_at
        )

    def has_opened(self, now=None):
        return self.opens_at is not None and self.opens_at <= (now or timezone.now())

    def closed_message(self, now=None):
        """Why the call takes no proposal now, in words for the city."""
        if self.opens_at is not None and not self.has_opened(now):
            return gettext("The call opens on %(moment)s (Seoul time).") % {
                "moment": seoul_time(self.opens_at)
            }
        if self.closes_at is not None:
            return gettext(
                "The call closed on %(moment)s (Seoul time): proposals can no longer be sent. "
                "Your draft is kept."
            ) % {"moment": seoul_time(self.closes_at)}
        return gettext("The call takes no proposals.")

    def moments(self):
        """When what the public pages say of it changes by the clock alone (the page cache's moments)."""
        return [moment for moment in (self.opens_at, self.closes_at) if moment is not None]

    def may_propose(self, organisation):
        """Whether `organisation` is eligible for this call (with its member profile selected)."""
        is_member = hasattr(organisation, "member")
        is_local_government = organisation.kind == OrganisationKind.LOCAL_GOVERNMENT
        if self.eligibility == Eligibility.MEMBERS:
            return is_member
        if self.eligibility == Eligibility.LOCAL_GOVERNMENTS:
            return is_local_government
        return is_member and is_local_government

    def eligible(self, organisations):
        """Those of `organisations` (a queryset) that may propose to this call."""
        is_member = Q(member__isnull=False)
        is_local_government = Q(kind=OrganisationKind.LOCAL_GOVERNMENT)
        condition = {
            Eligibility.MEMBERS: is_member,
            Eligibility.LOCAL_GOVERNMENTS: is_local_government,
        }.get(self.eligibility, is_member & is_local_government)
        return organisations.filter(condition)


def seoul_today():
    """Today as the Secretariat counts days, in Seoul (UTC's date differs nine hours a day)."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(settings.SECRETARIAT_TIME_ZONE))


def seoul_time(moment):
    """A moment as the Secretariat reads it, in Seoul."""
    seoul = zoneinfo.ZoneInfo(settings.SECRETARIAT_TIME_ZONE)
    return formats.date_format(timezone.localtime(moment, timezone=seoul), "DATETIME_FORMAT")


class CallQuestion(models.Model):
    """A question a call asks beyond the form's own: kept with the call, so that next year's questions
    never change what this year's proposals answered."""

    call = models.ForeignKey(ImplementerCall, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(_("key"), max_length=40, help_text=_("A short name, unique within the call."))
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("guidance"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=True)
    max_length = models.PositiveSmallIntegerField(_("longest answer, in characters"), default=3000)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["call", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [models.UniqueConstraint(fields=["call", "key"], name="one_question_of_a_key")]

    def __str__(self):
        return self.label


class Proposal(Versioned, Drafted, models.Model):
    """A city's project proposal to a call, sent through Activator Discover.

    It belongs to the organisation, not to a person: every confirmed official continues it. The
    answers to the call's own questions are kept with the question they answered.
    """

    workflow = PROPOSAL

    call = models.ForeignKey(
        ImplementerCall, verbose_name=_("call"), on_delete=models.PROTECT, related_name="proposals"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="proposals"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+"
    )
    # Discover: one description of a city's challenges, two uses.
    from_application = models.ForeignKey(
        SolutionFinderApplication,
        verbose_name=_("started from the Solution Finder application"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    status = PROPOSAL.state_model_field(max_length=30, db_index=True)
    steps_saved = models.JSONField(default=list, editable=False)

    title = models.CharField(_("project title"), max_length=200, blank=True)
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), blank=True, related_name="proposals")
    problem = models.TextField(_("the problem"), max_length=5000, blank=True)
    objectives = models.TextField(_("objectives"), max_length=5000, blank=True)
    expected_outcomes = models.TextField(_("expected outcomes"), max_length=5000, blank=True)
    study_scope = models.TextField(_("scope of the feasibility study"), max_length=5000, blank=True)
    pilot_scope = models.TextField(_("scope of the pilot project"), max_length=5000, blank=True)
    budget_amount = models.DecimalField(
        _("total budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_currency = CurrencyField(_("currency"), blank=True)
    co_funding = models.TextField(_("co-funding"), max_length=3000, blank=True)
    start_by = models.DateField(_("desired start"), null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(_("duration in months"), null=True, blank=True)
    timeline = models.TextField(_("timeline and milestones"), max_length=3000, blank=True)
    stakeholders = models.TextField(_("stakeholders"), max_length=3000, blank=True)
    # {question key: {"question": the question as asked, "answer": text}}
    answers = models.JSONField(_("answers to the call's questions"), default=dict, blank=True, editable=False)
    letter_of_intent = CheckedFileField(
        _("letter of intent signed by the mayor (PDF)"),
        upload_to="implementer/letters/%Y/",
        max_length=200,
        blank=True,
        validators=[validate_pdf],
    )

    submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True, editable=False)
    # Step 3: the consultant chosen by the tender, who carries out the study and the pilot.
    consultant = models.ForeignKey(
        "programs.Partner",
        verbose_name=_("consultant"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="implementer_projects",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("Project Implementer proposal")
        verbose_name_plural = _("Project Implementer proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"],
                condition=~PROPOSAL.q(REPLACEABLE),
                name="one_proposal_per_organisation_and_call",
                violation_error_message=_("Your organisation has a proposal for this call already."),
            ),
        ]

    def __str__(self):
        return gettext("%(organisation)s, proposal to %(call)s") % {
            "organisation": self.organisation,
            "call": self.call,
        }

    def get_absolute_url(self):
        return reverse("programs:proposal", args=[self.pk])

    def version_content(self):
        """The answers of every step in the form's order: the areas by name, the call's questions
        with the question as asked, the letter by its stored name."""
        from ..implementer_steps import STEPS

        content = [{"key": "organisation", "value": self.organisation.name}]
        for step in STEPS:
            if step.form_class is None or not hasattr(step.form_class, "_meta"):
                continue
            for name in step.form_class._meta.fields:
                if name == "areas":
                    value = sorted(area.name for area in self.areas.all())
                    content.append({"key": "areas", "value": ", ".join(value)})
                else:
                    content.append({"key": name, "value": as_text(getattr(self, name))})
        for key, answer in self.answers.items():
            content.append({"key": f"answer-{key}", "value": answer})
        content.append({"key": "letter_of_intent", "value": as_text(self.letter_of_intent)})
        return content

    @classmethod
    def version_item_text(cls, item, number=None):
        key, value = item["key"], item["value"]
        if key == "organisation":
            return gettext("Organisation"), value
        if key == "areas":
            return gettext("Areas"), value
        if key.startswith("answer-"):
            return value["question"], value["answer"]
        if key == "letter_of_intent":
            # The stored name tells versions apart; a reader needs only to know it is there.
            return str(cls._meta.get_field(key).verbose_name), gettext("Attached") if value else ""
        return super().version_item_text(item, number)


class Beneficiary(models.Model):
    """A city a call selected, with the project it carries out: from a released decision, or from the
    report for a past call whose proposals the portal never held."""

    call = models.ForeignKey(ImplementerCall, on_delete=models.CASCADE, related_name="selected")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("city"), on_delete=models.PROTECT, related_name="implementer_selections"
    )
    proposal = models.OneToOneField(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="beneficiary"
    )
    # The report gives the month only: the first of the month then.
    selected_in = models.DateField(_("selected in"))
    project = models.ForeignKey(
        Project,
        verbose_name=_("project in the Exchange"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["call", "selected_in", "pk"]
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")
        constraints = [
            models.UniqueConstraint(fields=["call", "organisation"], name="one_selection_per_city_and_call")
        ]

    def __str__(self):
        return f"{self.organisation} ({self.call.year})"
