"""Count the SQL queries each target runs, with Django's test client: python -m bench.queries OUT.json.

Runs in its own process against the bench database (not a test database), so it sees
exactly the rows gunicorn serves.
"""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from bench.targets import targets  # noqa: E402
from members.models import Member  # noqa: E402
from programs.models import Project  # noqa: E402


def main(out):
    setup_test_environment()
    connection.ensure_connection()  # so connecting isn't counted against the first target
    counts = {}
    for name, path, how, header in targets():
        headers = dict([header.split(": ", 1)]) if header else {}
        visitor = Client(headers=headers)
        if how == "warm":
            visitor.get(path)  # as wrk's warm-up: the page is then in the cache
        with CaptureQueriesContext(connection) as captured:
            response = visitor.get(path)
        if response.status_code != 200:
            sys.exit(f"{path} ({how}) answered {response.status_code} to the test client.")
        counts[name] = len(captured.captured_queries)
    with open(out, "w") as file:
        json.dump(
            {"members": Member.objects.count(), "projects": Project.objects.count(), "queries": counts},
            file,
            indent=2,
        )


if __name__ == "__main__":
    main(sys.argv[1])
