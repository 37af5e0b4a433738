import io

import pytest
from django.core.management import call_command

# The standing people of the authorization matrices (the `standing` fixture).
pytest_plugins = ["tests.people"]


def load_report():
    output = io.StringIO()
    call_command("load_report_2020", stdout=output)
    return output.getvalue()


@pytest.fixture
def report_data(db):
    """The 2020 annual report's data, loaded as `make run` loads it."""
    return load_report()


def pytest_collection_modifyitems(items):
    """Browser tests last: fast feedback first, and Playwright's event loop, once started, would
    give later tests' database connections a context the final teardown cannot close."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate-limit counters must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
