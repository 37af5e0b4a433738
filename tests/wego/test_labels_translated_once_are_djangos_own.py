"""The lists' rows read choice labels and country names translated once per language
(wego/labels.py, wego/countries.py): they are the ones Django and django-countries give, in every
language of the portal."""

import pytest
from django.conf import settings
from django.utils import translation

from organisations.models import Organisation, OrganisationKind
from programs.models import Project
from programs.models.exchange import Stage


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_labels_and_country_names_are_the_ones_django_gives(language):
    with translation.override(language):
        for kind in OrganisationKind.values:
            organisation = Organisation(kind=kind, country="KR")
            assert organisation.kind_label == organisation.get_kind_display()
            assert organisation.country_name == organisation.country.name
        for stage in Stage.values:
            project = Project(stage=stage)
            assert project.stage_label == project.get_stage_display()
        assert Organisation(country="").country_name == ""
