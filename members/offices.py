"""The Secretariat and the regional offices: a handful of rows staff keep in the admin, shown in every
page's footer and on each member's page, so read once per change to them (the layout's version)
rather than at every request."""

from wego.pagecache import content
from wego.pagecache.versions import remembered

from .models import RegionalOffice


def all_offices():
    return remembered((content.LAYOUT,), "regional-offices", lambda: list(RegionalOffice.objects.all()))


def the_secretariat():
    return next((office for office in all_offices() if office.kind == RegionalOffice.Kind.SECRETARIAT), None)


def offices_of(member):
    """The office serving the member's region and those it hosts, in the offices' order."""
    return [
        office
        for office in all_offices()
        if (member.region_id and office.region_id == member.region_id) or office.host_member_id == member.pk
    ]
