from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Smart City Driver")

    def ready(self):
        from organisations import profiles

        # A partner's page is /driver/partners/<the organisation's slug>/.
        profiles.register("partner")
