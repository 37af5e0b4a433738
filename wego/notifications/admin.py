from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..admin import PortalModelAdmin
from . import delivery
from .models import Notification


@admin.register(Notification)
class NotificationAdmin(PortalModelAdmin):
    list_display = ["subject", "email", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["email", "subject"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    readonly_fields = [field.name for field in Notification._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # A saved form would write back a status a worker may have changed meanwhile.
        return False

    @admin.action(description=_("Send the selected failed or uncertain notifications again"))
    def send_again(self, request, queryset):
        count = delivery.resend(queryset.values_list("pk", flat=True))
        self.message_user(
            request,
            ngettext("%(count)d notification queued again.", "%(count)d notifications queued again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
