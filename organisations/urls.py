from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("notifications/read/", views.mark_notifications_read, name="notifications-read"),
    path("affiliations/new/", views.request_affiliation_view, name="affiliation-request"),
    path("affiliations/<int:pk>/step/", views.affiliation_step, name="affiliation-step"),
]
