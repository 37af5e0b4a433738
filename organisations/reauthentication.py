"""A password is asked once: who typed it in this session a moment ago is not asked it again.

allauth asks for the password before an authenticator is enrolled, and counts only its own
"reauthenticate" page as a recent check, not the sign-in itself. So staff who signed in, confirmed
their address from the mail (which signs them in, in the same session) and are sent to enrol were
asked their password a second time within a minute. A password sign-in recorded in this session
within ACCOUNT_REAUTHENTICATION_TIMEOUT counts as the check.
"""

import time

from allauth.account import app_settings
from allauth.account.authentication import get_authentication_records
from allauth.core import context


def password_typed_recently():
    request = context.request
    if request is None or not request.user.is_authenticated:
        return False
    return any(
        record.get("method") == "password"
        and time.time() - record.get("at", 0) < app_settings.REAUTHENTICATION_TIMEOUT
        for record in get_authentication_records(request, request.user)
    )
