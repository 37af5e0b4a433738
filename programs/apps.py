from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Smart City Driver")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .filters.exchange import forget_published_span

        for signal in (post_save, post_delete):
            signal.connect(
                forget_published_span, sender="programs.Project", dispatch_uid=f"exchange-span-{signal}"
            )
