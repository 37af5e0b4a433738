from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("export.json", views.export_json, name="export-json"),
    path("offices/", views.offices, name="offices"),
    path("stats/", views.statistics, name="stats"),
    path("<slug:slug>/", views.detail, name="detail"),
]
