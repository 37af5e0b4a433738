from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from organisations import profiles

        # A member's page is /members/<the organisation's slug>/, beside these pages.
        profiles.register("member", reserved_slugs={"join", "offices", "stats"})
