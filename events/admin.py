"""The Secretariat's events in the admin: the event with everything recorded of it, its registration
rules and invitations; the sessions and their speakers; the regional networks; the registrations as a
queue, approved, refused or cancelled with the workflow's buttons."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wego.admin import PortalModelAdmin, PortalTabularInline
from wego.workflow.admin import WorkflowAdminMixin

from .models import (
    Event,
    EventOrganisation,
    Figure,
    Invitation,
    Material,
    Network,
    NetworkPartner,
    Outcome,
    Registration,
    Session,
    Speaker,
)


class EventOrganisationInline(PortalTabularInline):
    model = EventOrganisation
    extra = 0
    autocomplete_fields = ["organisation"]


class OutcomeInline(PortalTabularInline):
    model = Outcome
    extra = 0


class FigureInline(PortalTabularInline):
    model = Figure
    extra = 0


class MaterialInline(PortalTabularInline):
    model = Material
    extra = 0


class SessionInline(PortalTabularInline):
    model = Session
    extra = 0
    fields = ["title", "starts_at", "position", "speakers_link"]
    readonly_fields = ["speakers_link"]

    @admin.display(description=_("speakers"))
    def speakers_link(self, session):
        if not session.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:events_session_change", args=[session.pk]), _("Speakers")
        )


class InvitationInline(PortalTabularInline):
    model = Invitation
    extra = 0
    verbose_name_plural = _("invitations (for events by invitation only)")


@admin.register(Event)
class EventAdmin(PortalModelAdmin):
    list_display = ["title", "date_label", "kind", "format", "registration_open", "published"]
    list_filter = ["published", "kind", "format", "programme", "network", "registration_open", "year"]
    list_select_related = ["network"]
    search_fields = ["title", "theme", "description"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [
        EventOrganisationInline,
        SessionInline,
        OutcomeInline,
        FigureInline,
        MaterialInline,
        InvitationInline,
    ]
    readonly_fields = ["registration_pages"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "kind", "format", "theme", "description", "programme", "network"]},
        ),
        (
            _("When, as precisely as it is known"),
            {
                "fields": [
                    "precision",
                    ("year", "month", "end_month"),
                    ("quarter", "end_quarter"),
                    ("start_date", "end_date"),
                    ("starts_at", "ends_at"),
                    "time_zone",
                    "tentative",
                ],
                "description": _(
                    "Give only what is known: a month, a quarter (or Q3/Q4), the days, or exact times "
                    "with their time zone. The portal never shows a day it was not given."
                ),
            },
        ),
        (
            _("Where"),
            {"fields": [("city", "country"), "region", "platform", "place_to_be_decided", "joining_url"]},
        ),
        (
            _("Registration"),
            {
                "fields": [
                    "registration_open",
                    "capacity",
                    ("registration_opens_at", "registration_closes_at"),
                    "who_may_register",
                    "approval_required",
                    "offer_hours",
                    "registration_pages",
                ]
            },
        ),
        (_("Sources and publication"), {"fields": ["source", "source_note", "published"]}),
    ]

    @admin.display(description=_("date"))
    def date_label(self, event):
        return event.date_label

    @admin.display(description=_("registrations"))
    def registration_pages(self, event):
        if not event.pk:
            return "—"
        links = [
            (
                reverse("admin:events_registration_changelist") + f"?event__id__exact={event.pk}",
                _("Registrations"),
            ),
            (reverse("events:check_in", args=[event.slug]), _("Check-in (for a phone)")),
            (
                reverse("events:import_attendance", args=[event.slug]),
                _("Attendance from a platform's report"),
            ),
            (reverse("events:attendees_csv", args=[event.slug]), _("Attendees (CSV)")),
        ]
        return format_html_join(" · ", '<a href="{}">{}</a>', links)


class SpeakerInline(PortalTabularInline):
    model = Speaker
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Session)
class SessionAdmin(PortalModelAdmin):
    list_display = ["title", "event"]
    list_select_related = ["event"]
    search_fields = ["title", "event__title"]
    autocomplete_fields = ["event"]
    inlines = [SpeakerInline]


class NetworkPartnerInline(PortalTabularInline):
    model = NetworkPartner
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Network)
class NetworkAdmin(PortalModelAdmin):
    list_display = ["short_name", "name", "region"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [NetworkPartnerInline]


@admin.register(Registration)
class RegistrationAdmin(WorkflowAdminMixin, PortalModelAdmin):
    list_display = ["name", "email", "event", "status", "created_at", "attended"]
    # Only the events that have registrations: the calendar holds thousands.
    list_filter = ["status", "attended", ("event", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["event"]
    search_fields = ["name", "email", "organisation_name", "event__title"]
    readonly_fields = fields = [
        "event",
        "name",
        "email",
        "user",
        "organisation_name",
        "organisation",
        "country",
        "created_at",
        "confirmed_at",
        "hold_until",
        "joined_list_at",
        "attended",
        "checked_in_at",
        "attendance_source",
    ]
