"""The Secretariat's Exchange queue: shared projects are published, returned with comments or taken out.

A project is never edited here once it exists (a save would write back a state read before a
concurrent step); staff may add one directly, which starts as submitted and is published with
the button like any other.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wego.admin import PortalModelAdmin, PortalTabularInline
from wego.workflow.admin import WorkflowAdminMixin
from wego.workflow.engine import start

from ..models import Project, ProjectDocument, ProjectIndicator, ProjectLink
from ..services.exchange import CONTENT_FIELDS, refresh_search_document


class PartInline(PortalTabularInline):
    """Parts are added with the project and shown read-only afterwards."""

    extra = 0

    def get_extra(self, request, obj=None, **kwargs):
        return 2 if obj is None else 0

    def has_add_permission(self, request, obj=None):
        return obj is None and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class IndicatorInline(PartInline):
    model = ProjectIndicator
    fields = ["name", "unit", "baseline", "target", "achieved", "position"]


class LinkInline(PartInline):
    model = ProjectLink
    fields = ["title", "url"]


class DocumentInline(PartInline):
    model = ProjectDocument
    fields = ["title", "file", "download"]
    readonly_fields = ["download"]

    @admin.display(description=_("download"))
    def download(self, document):
        if not document.pk:
            return "—"
        url = reverse("programs:project-document", args=[document.project.slug, document.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the PDF"))


@admin.register(Project)
class ProjectAdmin(WorkflowAdminMixin, PortalModelAdmin):
    list_display = ["title", "city", "country", "stage", "status", "organisation"]
    list_filter = ["status", "stage", "areas", "city__region"]
    list_select_related = ["city", "organisation"]
    search_fields = ["title", "title_folded", "city__name", "organisation__name", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["city", "organisation"]
    filter_horizontal = ["areas", "partners"]
    inlines = [IndicatorInline, LinkInline, DocumentInline]
    readonly_fields = ["status", "shared_by", "published_at", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "areas", "stage", "start_year", "end_year"]}),
        (_("Where"), {"fields": ["city"]}),
        (
            _("Budget and partners"),
            {"fields": ["budget_amount", "budget_currency", "funding_sources", "partners", "other_partners"]},
        ),
        (_("Results"), {"fields": ["outcomes", "lessons_learned", "source"]}),
        (
            _("Sharing"),
            {"fields": ["organisation", "shared_by", "status", "published_at", "created_at", "updated_at"]},
        ),
    ]

    @admin.display(description=_("country"), ordering="city__country")
    def country(self, project):
        return project.city.country.name if project.city.country else "—"

    def save_model(self, request, obj, form, change):
        if change:
            # Never reached through the view-only change form, and kept harmless if it ever is:
            # the state is not among the columns written.
            obj.save(update_fields=[*CONTENT_FIELDS, "slug", "source", "organisation"])
        else:
            start(obj, "add", actor=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_search_document(form.instance)
