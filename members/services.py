"""Domain actions on members and membership applications; the only place that changes them."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Member, MembershipApplication


def unique_slug(name):
    base = slugify(name)[:180] or "member"
    slug, number = base, 1
    while Member.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def region_for(country):
    """The region the directory already places this country in, if it does so unambiguously."""
    placed = Member.objects.filter(country=country, region__isnull=False).order_by()
    regions = set(placed.values_list("region", flat=True).distinct())
    return regions.pop() if len(regions) == 1 else None


@transaction.atomic
def admit_member(application: MembershipApplication):
    """Create the member an approved application asked for, with today's join date."""
    today = timezone.localdate()
    application.member = Member.objects.create(
        name=application.organisation_name,
        slug=unique_slug(application.organisation_name),
        type=application.type,
        country=application.country,
        region_id=region_for(application.country),
        joined_on=today,
        approved_at_excom=today.year,
    )
    application.save(update_fields=["member", "updated_at"])
    return application.member
