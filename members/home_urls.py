from django.contrib.auth.decorators import login_not_required
from django.urls import path
from django.views.generic import TemplateView

from wego.pagecache.pages import public_page

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "privacy/",
        public_page()(login_not_required(TemplateView.as_view(template_name="members/privacy.html"))),
        name="privacy",
    ),
]
