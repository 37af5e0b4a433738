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

    # As in real life: staff confirmed their address before they could enrol an authenticator.
    user = verified(with_mfa(UserFactory(is_staff=True, **kwargs)))
    user.groups.add(Group.objects.get_or_create(name="Secretariat")[0])
    return user


# The Smart City Driver ------------------------------------------------------------------------


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programs.Area"
        django_get_or_create = ["slug"]

    name = factory.Iterator(["Public Transportation", "Water Management", "e-Government", "Healthcare"])
    slug = factory.LazyAttribute(lambda area: slugify(area.name))


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programs.Partner"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partner Company {n:04d}")
    slug = factory.LazyAttribute(lambda partner: slugify(partner.name))
    type = "tech-company"
    profile = "Builds open data platforms for cities."
    contact_name = "Jin Park"
    contact_email = factory.Sequence(lambda n: f"partner{n}@company.example")
    languages = ["en", "ko"]

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create:
            self.areas.set(extracted if extracted is not None else [AreaFactory(name="e-Government")])


class SolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programs.Solution"
        skip_postgeneration_save = True

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Sequence(lambda n: f"Solution {n:04d}")
    slug = factory.LazyAttribute(lambda solution: slugify(solution.name))
    summary = "A platform that publishes a city's open data."
    maturity = "market"
    price_model = "subscription"

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create:
            self.areas.set(extracted if extracted is not None else [AreaFactory(name="e-Government")])


class ProjectFactory(factory.django.DjangoModelFactory):
    """A published Exchange project in a member city, findable by its words."""

    class Meta:
        model = "programs.Project"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Smart Project {n:05d}")
    slug = factory.LazyAttribute(lambda project: slugify(project.title))
    city = factory.SubFactory(MemberFactory)
    country = factory.LazyAttribute(lambda project: project.city.country if project.city else "")
    region = factory.LazyAttribute(lambda project: project.city.region if project.city else None)
    summary = "Sensors and an open dashboard for the city's buses."
    stage = "implemented"
    start_year = 2019
    status = "published"

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create:
            from programs.services.exchange import refresh_search_document

            self.areas.set(
                extracted if extracted is not None else [AreaFactory(name="Public Transportation")]
            )
            refresh_search_document(self)


class AffiliationFactory(factory.django.DjangoModelFactory):
    """A confirmed affiliation: the user acts for the member (or the partner)."""

    class Meta:
        model = "members.Affiliation"

    user = factory.SubFactory(UserFactory)
    member = factory.SubFactory(MemberFactory)
    title = "Director of Smart City Policy"
    justification = "Leads the city's smart city programme."
    status = "approved"


def official_of(member, **kwargs):
    """A person with a verified address confirmed to act for `member`."""
    return verified(AffiliationFactory(member=member, **kwargs).user)


def official_of_partner(partner, **kwargs):
    return verified(AffiliationFactory(member=None, partner=partner, **kwargs).user)


def verified(user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


class SolutionFinderApplicationFactory(factory.django.DjangoModelFactory):
    """A draft with every step filled in and one challenge: ready to submit."""

    class Meta:
        model = "programs.SolutionFinderApplication"
        skip_postgeneration_save = True

    organisation = factory.SubFactory(MemberFactory)
    started_by = factory.SubFactory(UserFactory)
    contact_name = "Maria Santos"
    contact_title = "City Information Officer"
    contact_email = "maria.santos@city.example"
    goals = "Cut waiting times at bus stops."
    expected_outcomes = "Real-time arrival information at every stop."
    budget_range = "100k-500k"
    funding_sources = "City budget"
    duration_months = 18
    existing_infrastructure = "GPS units on 40 buses."
    existing_data = "Timetables as CSV."
    steps_saved = factory.LazyFunction(
        lambda: [
            "organisation",
            "challenges",
            "goals",
            "budget",
            "timeline",
            "infrastructure",
            "partners",
            "attachments",
        ]
    )

    @factory.post_generation
    def challenges(self, create, extracted, **kwargs):
        if create and extracted is not False:
            from programs.models import Challenge

            Challenge.objects.create(
                application=self,
                area=AreaFactory(name="Public Transportation"),
                problem_statement="Buses arrive unpredictably.",
                affected="Commuters, mostly students and older people.",
                current_situation="Paper timetables at stops.",
                priority="high",
            )
