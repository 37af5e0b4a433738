"""What of the organisations and people the public pages show (wego/pagecache)."""

from wego.pagecache import content

content.declare("organisations", "organisations.Region", "organisations.Organisation")
# Whom a person acts for is theirs to see (My WeGO) and the Secretariat's.
content.declare_personal("affiliations", "organisations.Affiliation")
# People are named to those who work with them (a thread's authors), never on a public page; with
# their staff roles (groups, and the second factor without which staff hold none), which decide
# what a person's kept pages show them.
content.declare_personal("people", "organisations.User", "auth.Group", "mfa.Authenticator")
# The profile changes waiting for review are nobody else's business.
content.keep_private("organisations.ProfileChange")
