"""Add synthetic members until the directory holds TOTAL rows: python -m bench.fill 20000."""

import datetime
import random
import sys

import django

django.setup()

from django.db import connection  # noqa: E402

from members.models import Member, MemberType  # noqa: E402
from organisations.models import Organisation, Region  # noqa: E402

# A handful of real ISO codes per region, so country filters and flags behave as with real data.
COUNTRIES = {
    "africa": ["CM", "ET", "KE", "ZA"],
    "americas": ["BR", "MX", "US"],
    "asia-pacific": ["ID", "JP", "KR", "PH"],
    "europe": ["ES", "FR", "RU"],
    "middle-east": ["AE", "OM", "TR"],
}
FIRST_DAY = datetime.date(2010, 1, 1)
DAYS = (datetime.date(2020, 12, 31) - FIRST_DAY).days


def main(total):
    missing = total - Member.objects.count()
    if missing <= 0:
        print(f"Already {Member.objects.count()} members; nothing to add.")
        return
    regions = list(Region.objects.all())
    types = list(MemberType.values)
    rng = random.Random(2020)  # the same rows on every run
    organisations, members = [], []
    for number in range(1, missing + 1):
        region = regions[number % len(regions)]
        organisations.append(
            Organisation(
                name=f"Synthetic City {number:05d}",
                name_folded=f"synthetic city {number:05d}",  # bulk_create skips Organisation.save()
                slug=f"synthetic-city-{number:05d}",
                kind=types[number % len(types)],
                country=rng.choice(COUNTRIES.get(region.slug, ["KR"])),
                region=region,
            )
        )
    Organisation.objects.bulk_create(organisations, batch_size=2000)
    for organisation in organisations:
        joined_on = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS + 1))
        members.append(Member(organisation=organisation, joined_on=joined_on))
    Member.objects.bulk_create(members, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE organisations_organisation, members_member")  # as autovacuum would, later
    print(f"Added {missing} synthetic members; {Member.objects.count()} in all.")


if __name__ == "__main__":
    main(int(sys.argv[1]))
