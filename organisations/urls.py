from django.urls import path

from . import profile_views, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("notifications/read/", views.mark_notifications_read, name="notifications-read"),
    path("affiliations/new/", views.request_affiliation_view, name="affiliation-request"),
    path("affiliations/<int:pk>/step/", views.affiliation_step, name="affiliation-step"),
    path("organisations/<slug:slug>/profile/", profile_views.edit_profile, name="organisation-profile"),
]
