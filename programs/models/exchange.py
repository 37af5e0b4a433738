from collections import defaultdict

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from wego.addresses import by_slug
from wego.drafts import Drafted
from wego.labels import label_of
from wego.text import KeepsFoldedCopies
from wego.uploads import CheckedFileField

from ..workflow import PROJECT_SHARING, PUBLIC
from .areas import Area
from .partners import Partner


class Stage(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    PLANNING = "planning", _("Planning")
    PILOT = "pilot", _("Pilot")
    IMPLEMENTED = "implemented", _("Implemented")
    SCALED = "scaled", _("Scaled")


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(PROJECT_SHARING.q(PUBLIC))


class Project(KeepsFoldedCopies, models.Model):
    """A smart city project or best practice in the Exchange, the global directory of projects."""

    workflow = PROJECT_SHARING

    title = models.CharField(_("title"), max_length=200)
    folded_copies = {"title": "title_folded"}
    title_folded = models.CharField(max_length=400, editable=False, db_index=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    # A member of WeGO or not: the city is an organisation, with its country and region.
    city = models.ForeignKey(
        Organisation, verbose_name=_("city"), on_delete=models.PROTECT, related_name="projects"
    )
    summary = models.TextField(_("summary"), max_length=5000)
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), related_name="projects")
    stage = models.CharField(_("stage"), max_length=20, choices=Stage)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    budget_amount = models.DecimalField(_("budget"), max_digits=16, decimal_places=2, null=True, blank=True)
    budget_currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("For example: USD.")
    )
    funding_sources = models.TextField(_("funding sources"), max_length=2000, blank=True)
    partners = models.ManyToManyField(
        Partner, verbose_name=_("strategic partners involved"), related_name="projects", blank=True
    )
    other_partners = models.CharField(_("other partners involved"), max_length=500, blank=True)
    outcomes = models.TextField(_("outcomes"), max_length=5000, blank=True)
    lessons_learned = models.TextField(_("lessons learned"), max_length=5000, blank=True)
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where the facts come from, e.g. a report.")
    )
    status = PROJECT_SHARING.state_model_field(db_index=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("shared by (organisation)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shared_projects",
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shared by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shared_projects",
    )
    package = models.OneToOneField(
        "programs.SolutionPackage",
        verbose_name=_("solution package"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project",
    )
    # Title, summary, outcomes, lessons, city, country, areas and partners in one text: what
    # the catalogue searches (see programs/search.py).
    search_document = models.TextField(editable=False, blank=True)
    # The document's words as PostgreSQL indexes and ranks them, written with it (programs/search.py):
    # ranking no longer parses every matching document again at each search. Empty elsewhere.
    search_vector = SearchVectorField(null=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["title_folded", "pk"]
        verbose_name = _("Exchange project")
        verbose_name_plural = _("Exchange projects")
        indexes = [models.Index(fields=["status", "start_year"]), models.Index(fields=["status", "stage"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(start_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="project_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return by_slug("programs:project", self.slug)

    # Where the project is: its city's country and region.
    country = property(lambda self: self.city.country)
    country_name = property(lambda self: self.city.country_name)
    region = property(lambda self: self.city.region)

    @property
    def years(self):
        """The years it ran: "2019–2021", or "2020" for one year or an open end; "" when none is known."""
        if not self.start_year:
            return ""
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)

    @property
    def stage_label(self):
        """get_stage_display(), translated once per language (wego/labels.py)."""
        return label_of(Stage, self.stage)


class ProjectIndicator(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("For example: %, tonnes, minutes.")
    )
    baseline = models.DecimalField(_("baseline"), max_digits=20, decimal_places=4, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=20, decimal_places=4, null=True, blank=True)
    achieved = models.DecimalField(_("achieved"), max_digits=20, decimal_places=4, null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.name} ({self.unit})" if self.unit else self.name


class ProjectLink(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.title


class ProjectDocument(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = CheckedFileField(_("file (PDF)"), upload_to="exchange/documents/%Y/", max_length=200)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class ProjectDraft(Drafted):
    """A project an organisation is still writing before it shares it with the Exchange.

    What was typed in each step is kept as typed (wego/drafts.py, held_as_typed): a project needs
    its city, its address and its state, which it gets only when it is shared. Any official of the
    organisation may continue it; sharing it makes the Project and removes the draft.
    """

    held_as_typed = True

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="project_drafts"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("project draft")
        verbose_name_plural = _("project drafts")

    def __str__(self):
        return self.title or gettext("Untitled project")

    @property
    def title(self):
        """The title typed in the first step, if any."""
        return "".join(self.drafts.get("project", {}).get("title", [""])[:1]).strip()


def areas_by_project(projects, field):
    """{project id: [each area's `field`, in the areas' order]} for `projects` (ids, or a queryset:
    a page of them, a slice), in one query: what a list shows of its rows' areas."""
    if hasattr(projects, "query"):
        # Its order only matters to which projects a slice holds.
        projects = projects.values("pk") if projects.query.is_sliced else projects.order_by().values("pk")
    through = Project.areas.through.objects.filter(project__in=projects)
    found = defaultdict(list)
    for project_id, value in through.order_by("area__position", "area__name").values_list(
        "project_id", f"area__{field}"
    ):
        found[project_id].append(value)
    return found
