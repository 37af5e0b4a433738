"""The portal's addresses. Apps are named here by string only: wego imports no app."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from .todo import with_todo_list

# The admin's sign-in goes through allauth, so MFA and rate limits apply there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("WeGO Portal")
admin.site.site_title = _("WeGO Portal")
# The admin's first page opens on the Secretariat's to-do list.
admin.site.index_template = "admin/todo_index.html"
admin.site.index = with_todo_list(admin.site.index, admin.site)

# The language is in the address (English unprefixed, /ko/… in Korean): a link sent in Korean opens in
# Korean, each language is a page of its own for caches and search engines, and choosing a language
# is a link, not a form.
urlpatterns = i18n_patterns(
    path("", include("members.home_urls")),
    path("members/", include("members.urls")),
    path("driver/", include("programs.urls")),
    path("events/", include("events.urls")),
    path("accounts/", include("allauth.urls")),
    path("my/", include("organisations.urls")),
    path("reviews/", include("reviews.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
urlpatterns += [
    # Browsers ask for /favicon.ico on pages that are not HTML (downloads, JSON).
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg", permanent=True)),
    ),
]
