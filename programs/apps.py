from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Smart City Driver")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from organisations import profiles

        from .filters.exchange import forget_published_span

        # A partner's page is /driver/partners/<the organisation's slug>/.
        profiles.register("partner")
        # The Exchange's country filter reads the projects' cities: a change to either changes it.
        for sender in ("programs.Project", "organisations.Organisation"):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_published_span, sender=sender, dispatch_uid=f"exchange-span-{sender}-{signal}"
                )
