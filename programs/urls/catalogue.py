"""The Smart City Driver's overview, its areas, the strategic partners and their solutions."""

from django.urls import path

from ..views import catalogue, partner_profile

urlpatterns = [
    path("", catalogue.driver, name="driver"),
    path("areas/<slug:slug>/", catalogue.area, name="area"),
    path("partners/", catalogue.partners, name="partners"),
    path("partners/<slug:slug>/", catalogue.partner, name="partner"),
    path("partners/<slug:slug>/edit/", partner_profile.edit_partner, name="partner-edit"),
    path("partners/<slug:slug>/solutions/new/", partner_profile.new_solution, name="solution-new"),
    path("solutions/", catalogue.solutions, name="solutions"),
    path("solutions/<slug:slug>/", catalogue.solution, name="solution"),
    path("solutions/<slug:slug>/edit/", partner_profile.edit_solution, name="solution-edit"),
    path("solutions/<slug:slug>/listing/", partner_profile.list_solution, name="solution-listing"),
]
