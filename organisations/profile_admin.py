"""The Secretariat reviews the changes officials propose to their organisation's public page: the
present value beside the proposed one, the logo shown, approve or decline (the workflow's buttons)."""

from django.contrib import admin
from django.http import Http404
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wego.admin import PortalModelAdmin
from wego.uploads import inline_image
from wego.workflow.admin import WorkflowAdminMixin

from .models import PROFILE_FIELDS, ProfileChange


@admin.register(ProfileChange)
class ProfileChangeAdmin(WorkflowAdminMixin, PortalModelAdmin):
    list_display = ["organisation", "proposed_by", "status", "created_at"]
    list_filter = ["status", "organisation__kind", "organisation__region"]
    list_select_related = ["organisation", "proposed_by"]
    search_fields = ["organisation__name", "proposed_by__email"]
    # The officials' own words: staff approve or decline them, they do not rewrite them here.
    readonly_fields = fields = [
        "organisation",
        "proposed_by",
        "comparison",
        "status",
        "created_at",
        "updated_at",
    ]
    view_on_site = False  # the change is not public until approved

    class Media:
        css = {"all": ["css/profile-admin.css"]}

    def has_add_permission(self, request):
        return False  # officials propose from the organisation's page

    @admin.display(description=_("what would change"))
    def comparison(self, change):
        organisation = change.organisation
        rows = []
        for field in PROFILE_FIELDS:
            label = capfirst(ProfileChange._meta.get_field(field).verbose_name)
            if field == "logo":
                label = _("Logo")
                now = self._logo_link(change, "present") if organisation.logo else "—"
                proposed = self._logo_link(change, "proposed") if change.logo else _("(unchanged)")
                differs = bool(change.logo)
            else:
                # Line breaks kept: a description is read as its officials wrote it.
                now = linebreaksbr(getattr(organisation, field)) or "—"
                proposed = linebreaksbr(getattr(change, field)) or "—"
                differs = getattr(change, field) != getattr(organisation, field)
            rows.append((label, _("changed") if differs else "", now, proposed))
        # In a box of its own that scrolls, so that a long address never widens a phone's page.
        return format_html(
            '<div class="profile-comparison-box"><table class="profile-comparison"><thead><tr>'
            '<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
            "<tbody>{}</tbody></table></div>",
            _("Field"),
            _("Public now"),
            _("Proposed"),
            format_html_join(
                "",
                '<tr><th scope="row">{}<br><strong>{}</strong></th><td>{}</td><td>{}</td></tr>',
                rows,
            ),
        )

    def _logo_link(self, change, which):
        url = reverse("admin:organisations_profilechange_logo", args=[change.pk, which])
        return format_html('<a href="{}"><img src="{}" alt="{}"></a>', url, url, _("logo"))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/logo/<str:which>/",
                self.admin_site.admin_view(self.logo_view),
                name="organisations_profilechange_logo",
            ),
            *super().get_urls(),
        ]

    def logo_view(self, request, object_id, which):
        """The proposed logo (or the present one, beside it), which no public address serves yet."""
        change = self._object(request, object_id)
        stored = {"proposed": change.logo, "present": change.organisation.logo}.get(which)
        if not stored:
            raise Http404
        return inline_image(stored, change.organisation.name)
