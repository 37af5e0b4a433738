"""What of the organisations and people the public pages show (wego/pagecache)."""

from wego.pagecache import content

content.declare("organisations", "organisations.Region", "organisations.Organisation")
# People, their affiliations and the profile changes waiting for review are nobody else's business.
content.keep_private("organisations.User", "organisations.Affiliation", "organisations.ProfileChange")
