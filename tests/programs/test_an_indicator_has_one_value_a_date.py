"""An indicator of a solution package's Plan has one value on a date: a second is refused, saying
which value is recorded, and the database holds to it too."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, connection
from django.urls import reverse

from programs.models import IndicatorReading
from tests.factories import PartnerFactory, official_of

from .sf_helpers import application_in, introduce, package_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    application = application_in("partners_connected")
    introduce(application, PartnerFactory(), connected=True)
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


@pytest.mark.django_db(transaction=True)
def test_the_rule_arrives_keeping_the_latest_reading_of_a_date_recorded_twice_before_it(indicator):
    """The migration that brings the rule removes the doubles a double click made before it, so that
    adding the constraint cannot fail the release: the latest recorded of a date stands."""
    constraint = IndicatorReading._meta.constraints[0]
    with connection.schema_editor() as editor:
        editor.remove_constraint(IndicatorReading, constraint)  # the database as it was before the rule
    try:
        recorder = official_of(indicator.package.application.organisation)
        for value, day in [(20, 1), (35, 1), (50, 2)]:
            IndicatorReading.objects.create(
                indicator=indicator,
                value=value,
                measured_on=datetime.date(2026, 3, day),
                recorded_by=recorder,
            )
        migration = import_module("programs.migrations.0003_one_reading_per_indicator_and_date")
        migration.keep_the_latest_reading_of_a_date(django_apps, None)
    finally:
        with connection.schema_editor() as editor:
            editor.add_constraint(IndicatorReading, constraint)
    assert [reading.value for reading in IndicatorReading.objects.order_by("measured_on")] == [35, 50]
