"""The Smart City Driver under /driver/: one URL module per part, all in the `programs` namespace."""

from django.urls import include, path

app_name = "programs"

urlpatterns = [
    path("", include("programs.urls.catalogue")),
    path("exchange/", include("programs.urls.exchange")),
    path("solution-finder/", include("programs.urls.solution_finder")),
    path("project-implementer/", include("programs.urls.implementer")),
]
