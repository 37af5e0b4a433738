"""Members, offices and membership applications."""

import datetime

import factory
from django.utils.text import slugify

from members.models import Member, MembershipApplication, MemberType, RegionalOffice
from organisations.models import Organisation

from .organisations import RegionFactory, UserFactory

ORGANISATION_FIELDS = ("name", "slug", "type", "country", "region", "city", "website", "confirmed")


def organisation_from(kwargs, kind_field="type"):
    """Take an organisation's fields out of a factory's keyword arguments and create it."""
    fields = {name: kwargs.pop(name) for name in ORGANISATION_FIELDS if name in kwargs}
    if kind_field in fields:
        fields["kind"] = fields.pop(kind_field)
    return Organisation.objects.create(**fields)


class MemberFactory(factory.django.DjangoModelFactory):
    """A member, with its organisation made from name, slug, type, country and region."""

    class Meta:
        model = Member

    name = factory.Sequence(lambda n: f"Member City {n:05d}")
    slug = factory.LazyAttribute(lambda member: slugify(member.name))
    type = MemberType.LOCAL_GOVERNMENT
    country = "KR"
    region = factory.SubFactory(RegionFactory, name="Asia-Pacific")
    joined_on = datetime.date(2020, 3, 5)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if "organisation" in kwargs:
            for name in ORGANISATION_FIELDS:
                kwargs.pop(name, None)
        else:
            kwargs["organisation"] = organisation_from(kwargs)
        return super()._create(model_class, *args, **kwargs)


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


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def membership_application_form(**overrides):
    """What a city official sends on /members/join/, with a signed letter of intent as a PDF; a value
    given as None is left out."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {
        "organisation_name": "Mombasa County",
        "type": "local-government",
        "country": "KE",
        "city": "Mombasa",
        "website": "https://www.mombasa.go.ke",
        "contact_name": "Amina Otieno",
        "contact_email": "amina@mombasa.example",
        "motivation": "To learn from other smart cities.",
        "letter_of_intent": SimpleUploadedFile("letter.pdf", PDF, content_type="application/pdf"),
        **overrides,
    }
    return {key: value for key, value in data.items() if value is not None}
