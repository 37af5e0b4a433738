from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the 2020 annual report's facts: each app's report_2020.load(), in app order."

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.report_2020"
            if find_spec(module_name) is None:
                continue
            self.stdout.write(self.style.MIGRATE_HEADING(f"{app_config.verbose_name}:"))
            import_module(module_name).load(self.stdout)
