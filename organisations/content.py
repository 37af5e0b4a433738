"""What of the organisations and people the public pages show (wego/pagecache)."""

from wego.pagecache import content

content.declare("organisations", "organisations.Region", "organisations.Organisation")
# Whom a person acts for is theirs to see (My WeGO) and the Secretariat's.
content.declare_personal("affiliations", "organisations.Affiliation")
# People and the profile changes waiting for review are nobody else's business.
content.keep_private("organisations.User", "organisations.ProfileChange")
