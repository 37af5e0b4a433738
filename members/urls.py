from django.urls import path

from . import joining, views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("export.json", views.export_json, name="export-json"),
    path("offices/", views.offices, name="offices"),
    path("stats/", views.statistics, name="stats"),
    path("join/", joining.apply, name="apply"),
    path("join/<int:pk>/", joining.application, name="application"),
    path("join/<int:pk>/step/", joining.take_step, name="application-step"),
    path("join/<int:pk>/letter/", joining.letter, name="application-letter"),
    path("<slug:slug>/", views.detail, name="detail"),
]
