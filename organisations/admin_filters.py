"""Admin filters every queue of submissions by an organisation uses."""

from django.contrib import admin
from django.utils.translation import gettext_lazy

from .models import Region


class RegionListFilter(admin.SimpleListFilter):
    """By the region of the submission's `organisation`."""

    title = gettext_lazy("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(region.slug, str(region)) for region in Region.objects.all()]

    def queryset(self, request, queryset):
        return queryset.filter(organisation__region__slug=self.value()) if self.value() else queryset
