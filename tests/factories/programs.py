"""The Smart City Driver: areas, partners, solutions, Exchange projects, Solution Finder applications."""

import factory
from django.utils.text import slugify

from organisations.models import Organisation, OrganisationKind

from .members import MemberFactory
from .organisations import UserFactory, organisation_of


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programs.Area"
        django_get_or_create = ["slug"]

    name = factory.Iterator(["Public Transportation", "Water Management", "e-Government", "Healthcare"])
    slug = factory.LazyAttribute(lambda area: slugify(area.name))


class PartnerFactory(factory.django.DjangoModelFactory):
    """A strategic partner: the profile of an organisation made from name, slug and website, or of
    the organisation (or member) given."""

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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        organisation_fields = {
            name: kwargs.pop(name) for name in ("name", "slug", "website") if name in kwargs
        }
        if "member" in kwargs:
            kwargs["organisation"] = organisation_of(kwargs.pop("member"))
        if "organisation" not in kwargs:
            kwargs["organisation"] = Organisation.objects.create(
                kind=OrganisationKind.CORPORATION, country="KR", **organisation_fields
            )
        return super()._create(model_class, *args, **kwargs)

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
    """A published Exchange project in a member city (or in the city `city_name`, `country`), findable by
    its words."""

    class Meta:
        model = "programs.Project"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Smart Project {n:05d}")
    slug = factory.LazyAttribute(lambda project: slugify(project.title))
    city = factory.SubFactory(MemberFactory)
    summary = "Sensors and an open dashboard for the city's buses."
    stage = "implemented"
    start_year = 2019
    status = "published"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        city_name, country = kwargs.pop("city_name", ""), kwargs.pop("country", None)
        kwargs.pop("region", None)
        if city_name:
            kwargs["city"] = Organisation.objects.create(
                name=city_name,
                slug=slugify(city_name),
                kind=OrganisationKind.LOCAL_GOVERNMENT,
                country=country or "",
            )
        kwargs["city"] = organisation_of(kwargs["city"])
        if kwargs.get("organisation") is not None:
            kwargs["organisation"] = organisation_of(kwargs["organisation"])
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create:
            from programs.services.exchange import refresh_search_document

            self.areas.set(
                extracted if extracted is not None else [AreaFactory(name="Public Transportation")]
            )
            refresh_search_document(self)


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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["organisation"] = organisation_of(kwargs["organisation"])
        return super()._create(model_class, *args, **kwargs)

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
