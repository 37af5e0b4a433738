"""The Exchange under /driver/exchange/: the catalogue, a project, the benchmark, sharing a project."""

from django.urls import path

from ..views import exchange, sharing

urlpatterns = [
    path("", exchange.catalogue, name="exchange"),
    path("export.csv", exchange.export_csv, name="exchange-export-csv"),
    path("export.json", exchange.export_json, name="exchange-export-json"),
    path("compare/", exchange.compare, name="exchange-compare"),
    path("share/", sharing.share, name="exchange-share"),
    path("share/<int:pk>/", sharing.continue_sharing, name="exchange-share-continue"),
    path("share/<int:pk>/review/", sharing.share_review, name="exchange-share-review"),
    path("share/<int:pk>/delete/", sharing.delete_draft, name="exchange-share-delete"),
    path("share/<int:pk>/<slug:step>/", sharing.share_step, name="exchange-share-step"),
    path("shared/<int:pk>/", sharing.shared, name="exchange-shared"),
    path("shared/<int:pk>/correct/", sharing.correct, name="exchange-correct"),
    path("shared/<int:pk>/step/", sharing.take_step_view, name="exchange-step"),
    path("<slug:slug>/", exchange.project, name="project"),
    path("<slug:slug>/documents/<int:pk>/", exchange.document, name="project-document"),
]
