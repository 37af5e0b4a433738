from django.urls import path

from . import joining, views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("export.json", views.export_json, name="export-json"),
    path("offices/", views.offices, name="offices"),
    path("stats/", views.statistics, name="stats"),
    path("stats/reconciliation/", views.reconciliation, name="reconciliation"),
    path("join/", joining.apply, name="apply"),
    path("join/<int:pk>/", joining.application_page, name="application"),
    path("join/<int:pk>/edit/", joining.edit, name="application-edit"),
    path("join/<int:pk>/step/", joining.take_step_view, name="application-step"),
    path("join/<int:pk>/messages/", joining.post_message, name="application-message"),
    path(
        "join/<int:pk>/messages/<int:message>/attachment/",
        joining.message_attachment,
        name="application-message-attachment",
    ),
    path("join/<int:pk>/letter/", joining.letter, name="application-letter"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/logo/", views.logo, name="logo"),
]
