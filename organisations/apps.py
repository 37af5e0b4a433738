from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations and people")

    def ready(self):
        from .staff import ensure_staff_groups

        # After every app, so that the last run sees the permissions of all of them.
        post_migrate.connect(ensure_staff_groups, dispatch_uid="organisations.ensure_staff_groups")
        # Each app's panels.py registers its panels of My WeGO.
        autodiscover_modules("panels")
        # Each app's appearances.py registers what it lists on an organisation's public page.
        autodiscover_modules("appearances")
