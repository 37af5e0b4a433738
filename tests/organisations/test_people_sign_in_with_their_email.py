import pytest
from django.contrib.auth import authenticate
from django.db import IntegrityError

from organisations.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_email_is_the_login_whatever_its_case():
    UserFactory(email="Official@City.example")
    assert authenticate(email="official@city.example", password="correct horse battery staple")


def test_an_address_cannot_be_registered_twice_in_another_case():
    UserFactory(email="official@city.example")
    with pytest.raises(IntegrityError):
        User.objects.create_user(email="OFFICIAL@city.example", password="x")


def test_a_superuser_is_created_with_an_email_only():
    user = User.objects.create_superuser(email="staff@we-gov.org", password="long enough password")
    assert user.is_staff and user.is_superuser and user.get_username() == "staff@we-gov.org"
