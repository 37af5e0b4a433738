"""A signed-in official for the benchmark's signed-in pages: python -m bench.signin OUT.

Makes (once) an official of the first member with a submitted Solution Finder application, and
writes the session cookie and the application's address to OUT, as "cookie path" on one line.
"""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from members.models import Member  # noqa: E402
from tests.factories import SolutionFinderApplicationFactory, official_of  # noqa: E402
from tests.states import put_in  # noqa: E402

EMAIL = "bench.official@example.org"


def main(out):
    from organisations.models import User

    member = Member.objects.order_by("pk").first()
    user = User.objects.filter(email=EMAIL).first() or official_of(member, user__email=EMAIL)
    application = member.organisation.solution_finder_applications.first() or put_in(
        SolutionFinderApplicationFactory(organisation=member.organisation, started_by=user), "submitted"
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    with open(out, "w") as file:
        file.write(f"{settings.SESSION_COOKIE_NAME}={session.session_key} {application.get_absolute_url()}\n")


if __name__ == "__main__":
    main(sys.argv[1])
