"""What of the members the public pages show (wego/pagecache)."""

from wego.pagecache import content

content.declare(
    "members",
    "members.Member",
    "members.RegionalOffice",
    "members.MembershipTotal",
    "members.ReportFigure",
    "members.MouPartner",
)
# Every page's footer gives the Secretariat's contact details, kept as a regional office.
content.declare(content.LAYOUT, "members.RegionalOffice")
content.declare_personal("membership-applications", "members.MembershipApplication")
