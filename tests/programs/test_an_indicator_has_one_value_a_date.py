"""An indicator of a solution package's Plan has one value on a date: a second is refused, saying
which value is recorded, and the database holds to it too."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse

from programs.models import IndicatorReading
from tests.factories import PartnerFactory, official_of

from .sf_helpers import application_in, introduce, package_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    application = application_in("partners_connected")
    introduce(application, PartnerFactory(), status="connected")
    package = package_for(application)
    return package.indicators.create(name="Lead time", unit="minutes", baseline=0, target=60)


def test_a_second_value_for_the_same_date_is_refused_and_says_which_is_recorded(client, indicator):
    package = indicator.package
    client.force_login(official_of(package.application.organisation))
    url = reverse("programs:package-reading", args=[package.application_id, package.pk, indicator.pk])

    client.post(url, {"value": "20", "measured_on": "2026-03-01"})
    response = client.post(url, {"value": "35", "measured_on": "2026-03-01"}, follow=True)

    assert "Lead time: A value was already recorded for March 1, 2026: 20." in response.text
    assert [reading.value for reading in IndicatorReading.objects.all()] == [20]


def test_the_database_keeps_one_value_a_date(indicator):
    recorder = official_of(indicator.package.application.organisation)
    IndicatorReading.objects.create(
        indicator=indicator, value=20, measured_on=datetime.date(2026, 3, 1), recorded_by=recorder
    )
    with pytest.raises(IntegrityError):
        IndicatorReading.objects.create(
            indicator=indicator, value=35, measured_on=datetime.date(2026, 3, 1), recorded_by=recorder
        )
