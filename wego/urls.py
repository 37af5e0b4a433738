"""The portal's addresses. Apps are named here by string only: wego imports no app."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.i18n import set_language

from .todo import with_todo_list

# The admin's sign-in goes through allauth, so MFA and rate limits apply there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("WeGO Portal")
admin.site.site_title = _("WeGO Portal")
# The admin's first page opens on the Secretariat's to-do list.
admin.site.index_template = "admin/todo_index.html"
admin.site.index = with_todo_list(admin.site.index, admin.site)

urlpatterns = [
    path("", include("members.home_urls")),
    path("members/", include("members.urls")),
    path("driver/", include("programs.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("my/", include("organisations.urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages that are not HTML (downloads, JSON).
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg", permanent=True)),
    ),
]
