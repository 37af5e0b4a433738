import datetime

import factory
from django.utils.text import slugify

from members.models import Member, MembershipApplication, MemberType, Region, RegionalOffice, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("correct horse battery staple")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["slug"]

    name = factory.Iterator(["Africa", "Americas", "Asia-Pacific", "Europe", "Middle East"])
    slug = factory.LazyAttribute(lambda region: slugify(region.name))


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    name = factory.Sequence(lambda n: f"Member City {n:05d}")
    slug = factory.LazyAttribute(lambda member: slugify(member.name))
    type = MemberType.LOCAL_GOVERNMENT
    country = "KR"
    region = factory.SubFactory(RegionFactory, name="Asia-Pacific")
    joined_on = datetime.date(2020, 3, 5)


class RegionalOfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionalOffice

    name = factory.Sequence(lambda n: f"Regional Office {n}")
    city = "Seoul"
    country = "KR"


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    organisation_name = factory.Sequence(lambda n: f"Applicant City {n}")
    type = MemberType.LOCAL_GOVERNMENT
    country = "KE"
    city = "Mombasa"
    contact_name = "Amina Otieno"
    contact_email = factory.Sequence(lambda n: f"contact{n}@city.example")
    motivation = "To learn from other smart cities."
    applicant = factory.SubFactory(UserFactory)


def with_mfa(user):
    """The user has enrolled an authenticator app, as staff must before the admin opens."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


def secretariat_user(**kwargs):
    from django.contrib.auth.models import Group

    user = with_mfa(UserFactory(is_staff=True, **kwargs))
    user.groups.add(Group.objects.get_or_create(name="Secretariat")[0])
    return user
