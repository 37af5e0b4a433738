"""Show how PostgreSQL runs the Exchange catalogue's searched and filtered queries: python -m bench.explain.

Runs the catalogue page through Django's test client, captures exactly the SQL it sends for the
count and the page of projects, and prints EXPLAIN ANALYZE for each; then says whether the
full-text search goes through the GIN index of migration 0007. Exits non-zero if the selective
search (bench.targets.SEARCHED) does not use it.
"""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from bench.targets import SEARCHED, SEARCHED_BROADLY  # noqa: E402
from programs.models import Project  # noqa: E402

INDEX = "programs_project_search_vector"


def search_queries(path):
    """The SQL statements of this catalogue page that search the projects' documents."""
    with CaptureQueriesContext(connection) as captured:
        # Rendered, not served from the page cache that the benchmark filled.
        response = Client().get(path, headers={"X-Bench-Cold": "1"})
    assert response.status_code == 200, path
    return response.context["page"].paginator.count, [
        query["sql"] for query in captured.captured_queries if "search_vector" in query["sql"]
    ]


def explain(path):
    count, queries = search_queries(path)
    print(f"\n== {path}: {count:,} of {Project.objects.published().count():,} published projects match")
    used = True
    with connection.cursor() as cursor:
        for sql in queries:
            cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            print(f"\n-- {sql[:120]}…\n{plan}")
            used = used and INDEX in plan
    print(f"\n{path} {'uses' if used else 'does NOT use'} the GIN index {INDEX}.")
    return used


def main():
    setup_test_environment()
    used = explain(SEARCHED)
    # For information: with a common word the planner may rightly prefer another plan.
    explain(SEARCHED_BROADLY)
    return 0 if used else 1


if __name__ == "__main__":
    sys.exit(main())
