import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from organisations.models import Organisation, Region
from wego.addresses import by_slug
from wego.countries import country_names
from wego.labels import label_of
from wego.text import KeepsFoldedCopies
from wego.uploads import CheckedFileField, validate_pdf

from ..dates import Precision, When, moment_label
from .networks import Network


def validate_time_zone(name):
    # Not choices: the list changes with each tzdata release, and would then ask for a migration.
    if name not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(name)s” is not a time zone. Give one such as Asia/Seoul or Europe/Moscow."),
            params={"name": name},
        )


class Kind(models.TextChoices):
    GENERAL_ASSEMBLY = "general-assembly", _("General Assembly")
    EXCOM = "excom", _("EXCOM meeting")
    CONFERENCE = "conference", _("Conference or expo")
    TRAINING = "training", _("Training programme")
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")
    FORUM = "forum", _("Forum or summit")
    NETWORK_MEETING = "network-meeting", _("Network meeting")
    BRIEFING = "briefing", _("Briefing")
    OTHER = "other", _("Other")


class Format(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in-person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class Programme(models.TextChoices):
    SMART_CITY_DRIVER = "smart-city-driver", _("Smart City Driver")
    SMART_HEALTH_RESPONDER = "smart-health-responder", _("Smart Health Responder")


class WhoMayRegister(models.TextChoices):
    ANYONE = "anyone", _("Anyone with an email address")
    MEMBER_OFFICIALS = "member-officials", _("Officials of WeGO member organisations")
    INVITED = "invited", _("Invited people only")


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def upcoming(self, today):
        """Not over: its known span has not ended, or its date is not even known to the year."""
        return self.filter(models.Q(period_end__gte=today) | models.Q(period_end__isnull=True))

    def past(self, today):
        return self.filter(period_end__lt=today)


class Event(KeepsFoldedCopies, models.Model):
    """A gathering WeGO holds, co-organises or takes part in, dated as precisely as it is known
    (dates.py), with what the report or the Secretariat records of it."""

    title = models.CharField(_("title"), max_length=300)
    folded_copies = {"title": "title_folded"}
    title_folded = models.CharField(max_length=600, editable=False)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    # Empty while not known: the 2021 plan leaves the place, and so the format, of some "TBD".
    format = models.CharField(_("format"), max_length=20, choices=Format, blank=True)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    programme = models.CharField(_("programme"), max_length=30, choices=Programme, blank=True)
    network = models.ForeignKey(
        Network,
        verbose_name=_("regional network"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    organisations = models.ManyToManyField(Organisation, through="EventOrganisation", related_name="events")

    # Where: a city and country, or an online platform; either may be still to be decided.
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    platform = models.CharField(_("online platform"), max_length=200, blank=True)
    place_to_be_decided = models.BooleanField(_("place to be decided"), default=False)
    # Given to confirmed registrants only: never on the public page.
    joining_url = models.URLField(
        _("joining link"),
        max_length=500,
        blank=True,
        help_text=_("For online events: sent to confirmed registrants only, never shown publicly."),
    )

    # When, at the precision it is known (dates.py).
    precision = models.CharField(_("date known to"), max_length=20, choices=Precision, default=Precision.TBD)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    end_month = models.PositiveSmallIntegerField(_("last month"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True)
    end_quarter = models.PositiveSmallIntegerField(
        _("or quarter"), null=True, blank=True, help_text=_("For a date given as “Q3/Q4”.")
    )
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=60, default="Asia/Seoul", validators=[validate_time_zone]
    )
    tentative = models.BooleanField(
        _("date to be confirmed"), default=False, help_text=_("The report's “June (TBD)”.")
    )
    # The bounds of the span the date falls within, for sorting and filtering only (dates.When.period).
    period_start = models.DateField(editable=False, null=True)
    period_end = models.DateField(editable=False, null=True)

    # Registration, once staff open it.
    registration_open = models.BooleanField(_("registration open"), default=False)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    who_may_register = models.CharField(
        _("who may register"), max_length=20, choices=WhoMayRegister, default=WhoMayRegister.ANYONE
    )
    approval_required = models.BooleanField(
        _("staff approve each registration"), default=False, help_text=_("For closed sessions.")
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept a freed seat"), default=48, help_text=_("How long a waiting person's offer lasts.")
    )

    # The heading a published plan lists it under ("Training programs" in the report's plan for 2021).
    plan_heading = models.CharField(
        _("heading in WeGO's plan"),
        max_length=100,
        blank=True,
        help_text=_(
            "Where WeGO's published plan for the year lists it, e.g. “Training programs”. "
            "Clear it once the event is recorded as held."
        ),
    )
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where these facts come from.")
    )
    source_note = models.TextField(
        _("note on the source"), blank=True, help_text=_("Where sources disagree, what each says.")
    )
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["period_start", "precision", "title_folded", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["period_start", "period_end"]),
            models.Index(fields=["period_end"]),
            models.Index(fields=["title_folded"]),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.precision == Precision.EXACT and self.starts_at:
            self.year = self.when.local(self.starts_at).year
        if self.precision == Precision.DAYS and self.start_date:
            self.year = self.start_date.year
        self.period_start, self.period_end = self.when.period()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return by_slug("events:event", self.slug)

    # The fields an event's dates are read from (When), for lists that read only what they show.
    WHEN_FIELDS = (
        "precision",
        "year",
        "month",
        "end_month",
        "quarter",
        "end_quarter",
        "start_date",
        "end_date",
        "starts_at",
        "ends_at",
        "time_zone",
    )

    @property
    def when(self):
        return When(**{name: getattr(self, name) for name in self.WHEN_FIELDS})

    @property
    def date_label(self):
        return self.when.label()

    @property
    def kind_label(self):
        return label_of(Kind, self.kind)

    @property
    def format_label(self):
        return label_of(Format, self.format)

    @property
    def country_name(self):
        return country_names().get(self.country.code, "") if self.country else ""

    @property
    def is_online(self):
        return self.format == Format.ONLINE

    @property
    def has_exact_times(self):
        return self.precision == Precision.EXACT

    @property
    def is_hybrid(self):
        return self.format == Format.HYBRID

    def clean(self):
        problems = self.when.problems()
        if problems:
            raise ValidationError(problems)
        if self.precision == Precision.DAYS and self.start_date:
            self.year = self.start_date.year
        if self.registration_opens_at and self.registration_closes_at:
            if self.registration_closes_at <= self.registration_opens_at:
                raise ValidationError(
                    {"registration_closes_at": _("Registration must close after it opens.")}
                )

    def moment_label(self, moment):
        """A moment (an offer's deadline) in the event's own time zone, the zone said."""
        return moment_label(moment, self.time_zone)

    @property
    def is_plan_only(self):
        """Listed in a published plan whose dates have passed: whether it was held is not recorded
        (the report's plan for 2021, read later). Staff clear the heading once they record it held."""
        return bool(self.plan_heading) and self.is_over()

    def is_over(self, today=None):
        return self.period_end is not None and self.period_end < (today or timezone.localdate())


class Role(models.TextChoices):
    HOST = "host", _("Host")
    CO_ORGANISER = "co-organiser", _("Co-organiser")
    SPONSOR = "sponsor", _("Sponsor")


class EventOrganisation(models.Model):
    """An organisation's part in an event: host, co-organiser or sponsor (a member of WeGO or not)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="parts")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="event_parts"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["role", "position", "pk"]
        verbose_name = _("organiser or sponsor")
        verbose_name_plural = _("organisers and sponsors")
        constraints = [
            models.UniqueConstraint(fields=["event", "organisation", "role"], name="one_part_per_role")
        ]

    def __str__(self):
        return f"{self.organisation} · {self.get_role_display()}"


class Session(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title


class Speaker(models.Model):
    """A session's speaker. The report often names the position and not the person: the name may
    stay empty, never invented."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("title or position"), max_length=300, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation on the portal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name or f"{self.organisation_name} {self.title}".strip()


class Outcome(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outcomes")
    text = models.TextField(_("outcome"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("key outcome")
        verbose_name_plural = _("key outcomes")

    def __str__(self):
        return self.text[:80]


class Measure(models.TextChoices):
    PARTICIPANTS = "participants", _("Participants")
    SPEAKERS = "speakers", _("Speakers")
    VIEWERS = "viewers", _("Viewers")
    REGISTRANTS = "registrants", _("Registrants")
    LECTURERS = "lecturers", _("Lecturers")
    ORGANISATIONS = "organisations", _("Organisations taking part")


class Figure(models.Model):
    """A reported figure (331 participants), with where it comes from: the portal's own counts of
    registrants and attendance are shown beside these, never mixed in."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="figures")
    measure = models.CharField(_("what"), max_length=20, choices=Measure)
    value = models.PositiveIntegerField(_("figure"))
    at_least = models.BooleanField(_("at least (“more than”)"), default=False)
    detail = models.CharField(_("detail"), max_length=200, blank=True, help_text=_("e.g. “on Zoom”."))
    source = models.CharField(_("source"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")

    def __str__(self):
        return f"{self.value} {self.get_measure_display()}"


class Material(models.Model):
    """A link or a file kept with an event: slides, a report, the recording."""

    class Type(models.TextChoices):
        DOCUMENT = "document", _("Document")
        RECORDING = "recording", _("Recording")
        LINK = "link", _("Link")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    type = models.CharField(_("type"), max_length=20, choices=Type, default=Type.DOCUMENT)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    file = CheckedFileField(
        _("file (PDF)"), upload_to="events/", max_length=200, blank=True, validators=[validate_pdf]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="") | ~models.Q(file=""), name="material_has_a_link_or_a_file"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if not self.url and not self.file:
            raise ValidationError(_("Give an address or attach a file."))
