"""The filters public lists share over what this app holds: a list of members, projects, partners or
events narrowed to one of WeGO's regions, by its slug, with the same words everywhere."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Region

REGION = _("Region")


class RegionChoiceFilter(django_filters.ModelChoiceFilter):
    def __init__(self, field_name="region", label=REGION, **kwargs):
        super().__init__(
            label=label,
            field_name=field_name,
            queryset=Region.objects.all(),
            to_field_name="slug",
            empty_label=_("All regions"),
            error_messages={"invalid_choice": _("There is no region “%(value)s”.")},
            **kwargs,
        )
