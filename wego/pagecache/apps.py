from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "wego.pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import content, writes

        # The framework's own tables: sessions, accounts, permissions, the admin's log.
        content.keep_private(
            "sessions.Session",
            "admin.LogEntry",
            "auth.Permission",
            "contenttypes.ContentType",
            "account.EmailAddress",
            "account.EmailConfirmation",
            # Submission tokens and the record of reminders sent: the portal's plumbing.
            "submissions.FormSubmission",
            "notifications.Reminder",
        )
        # What happened to a submission and what was said about it, shown to those it concerns.
        content.declare_personal(
            "histories", "workflow.TransitionRecord", "workflow.Version", "workflow.ThreadMessage"
        )
        content.declare_personal("notifications", "notifications.Notification", "notifications.Attachment")
        # Each app's content.py says which of its models the public pages show, and which not.
        autodiscover_modules("content")
        writes.install()
