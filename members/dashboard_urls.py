from django.urls import path

from . import dashboard

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("notifications/read/", dashboard.mark_notifications_read, name="notifications-read"),
    path("affiliations/new/", dashboard.request_affiliation_view, name="affiliation-request"),
]
