from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        # After every app, so that the last run sees the permissions of all of them.
        post_migrate.connect(ensure_staff_groups, dispatch_uid="members.ensure_staff_groups")


# The staff roles of DESIGN.md, as Django groups; the Secretariat manages everything of these apps.
SECRETARIAT_APPS = ["members", "notifications", "workflow", "programs"]


def ensure_staff_groups(sender, **kwargs):
    from django.contrib.auth.models import Group, Permission

    secretariat, _created = Group.objects.get_or_create(name="Secretariat")
    # Not the user accounts themselves: whoever may edit users may make themselves superuser.
    permissions = Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS).exclude(
        content_type__model="user"
    )
    secretariat.permissions.add(*permissions)
    for name in ["Programme reviewer", "Judge"]:
        Group.objects.get_or_create(name=name)
