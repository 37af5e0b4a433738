from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..admin import PortalModelAdmin
from . import delivery
from .kinds import describe
from .models import Notification

CONFIDENTIAL = _(
    "Not shown: account mail carries a personal link (a password reset, an address confirmation)."
)


class KindListFilter(admin.SimpleListFilter):
    """The kinds present, in words; a mail about a submission is told apart by what the submission is
    ("Membership application: status changed", "Exchange project: status changed")."""

    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        present = Notification.objects.order_by().values_list("kind", "content_type").distinct()
        return sorted(
            (
                (f"{kind}@{content_type or ''}", describe(kind, content_type))
                for kind, content_type in present
            ),
            key=lambda choice: str(choice[1]),
        )

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        kind, _at, content_type = self.value().partition("@")
        if content_type.isdigit():
            return queryset.filter(kind=kind, content_type=int(content_type))
        return queryset.filter(kind=kind, content_type__isnull=True)


@admin.register(Notification)
class NotificationAdmin(PortalModelAdmin):
    list_display = ["subject", "email", "what", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", KindListFilter, "language"]
    search_fields = ["email", "subject"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    # The texts are shown through text() and html(), which keep an account mail's link to its reader.
    fields = readonly_fields = [
        {"body_text": "text", "body_html": "html", "kind": "what"}.get(field.name, field.name)
        for field in Notification._meta.fields
    ]
    change_form_template = "admin/notifications/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # A saved form would write back a status a worker may have changed meanwhile.
        return False

    @admin.display(description=_("kind"), ordering="kind")
    def what(self, notification):
        return describe(notification.kind, notification.content_type_id)

    @admin.display(description=_("text"))
    def text(self, notification):
        return CONFIDENTIAL if notification.confidential else notification.body_text

    @admin.display(description=_("HTML"))
    def html(self, notification):
        return CONFIDENTIAL if notification.confidential else notification.body_html

    def get_urls(self):
        send_again = self.admin_site.admin_view(require_POST(self.send_again_view))
        return [
            path("<int:pk>/send-again/", send_again, name="notifications_notification_send_again"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        notification = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "may_send_again": notification is not None and delivery.may_send_again(notification),
            "uncertain": Notification.Status.UNCERTAIN,
            "email": notification.email if notification else "",
            "error": notification.last_error if notification else "",
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def send_again_view(self, request, pk):
        """The one-click re-send from a failed or uncertain notification's page."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        notification = get_object_or_404(Notification, pk=pk)
        if delivery.resend([notification.pk]):
            self.message_user(
                request, _("The message to %(email)s is queued again.") % {"email": notification.email}
            )
        else:
            self.message_user(
                request, _("This message is not failed or uncertain: nothing was sent."), messages.WARNING
            )
        return redirect("admin:notifications_notification_change", notification.pk)

    @admin.action(description=_("Send the selected failed or uncertain notifications again"))
    def send_again(self, request, queryset):
        count = delivery.resend(queryset.values_list("pk", flat=True))
        self.message_user(
            request,
            ngettext("%(count)d notification queued again.", "%(count)d notifications queued again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
