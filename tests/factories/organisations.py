"""People, organisations and affiliations."""

import factory
from django.utils.text import slugify

from organisations.models import Affiliation, Organisation, OrganisationKind, Region, User
from organisations.workflow import ACTING, AFFILIATION


def organisation_of(thing):
    """The Organisation of a member, a partner, or an organisation itself."""
    return getattr(thing, "organisation", thing)


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


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n:05d}")
    slug = factory.LazyAttribute(lambda organisation: slugify(organisation.name))
    kind = OrganisationKind.LOCAL_GOVERNMENT
    country = "KR"
    region = factory.SubFactory(RegionFactory, name="Asia-Pacific")


class AffiliationFactory(factory.django.DjangoModelFactory):
    """A confirmed affiliation: the user acts for the organisation (of a member or a partner)."""

    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = "Director of Smart City Policy"
    justification = "Leads the city's smart city programme."
    status = AFFILIATION.state_with(ACTING)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        for profile in ("member", "partner"):
            if profile in kwargs:
                kwargs["organisation"] = organisation_of(kwargs.pop(profile))
        kwargs["organisation"] = organisation_of(kwargs["organisation"])
        return super()._create(model_class, *args, **kwargs)


def verified(user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def official_of(organisation, **kwargs):
    """A person with a verified address confirmed to act for `organisation` (or a member's, a partner's)."""
    return verified(AffiliationFactory(organisation=organisation_of(organisation), **kwargs).user)


def official_of_partner(partner, **kwargs):
    return official_of(partner, **kwargs)


def with_mfa(user):
    """The user has enrolled an authenticator app, as staff must before the admin opens."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


def staff_in(group, **kwargs):
    from django.contrib.auth.models import Group

    # As in real life: staff confirmed their address before they could enrol an authenticator.
    user = verified(with_mfa(UserFactory(**{"is_staff": True, **kwargs})))
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def secretariat_user(**kwargs):
    return staff_in("Secretariat", **kwargs)
