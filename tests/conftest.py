import copy
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

# The standing people of the authorization matrices (the `standing` fixture).
pytest_plugins = ["tests.people"]


def load_report():
    output = io.StringIO()
    call_command("load_report_2020", stdout=output)
    return output.getvalue()


def in_dependency_order(models):
    """Models ordered so that each comes after those it points to."""
    ordered, waiting = [], list(models)
    while waiting:
        for model in waiting:
            targets = {field.related_model for field in model._meta.concrete_fields if field.is_relation}
            if not (targets & set(waiting)) - {model}:
                ordered.append(model)
                waiting.remove(model)
                break
        else:
            raise ValueError(f"Circular references among {waiting}")
    return ordered


@pytest.fixture(scope="session")
def report_rows(django_db_setup, django_db_blocker):
    """The 2020 report, loaded once for the whole session: what the loader printed and the rows it wrote.

    It is loaded in a transaction that is rolled back at once; each test that needs the report gets its
    rows back by `report_data` or `portal`, a few bulk inserts instead of a load per test."""
    with django_db_blocker.unblock(), transaction.atomic():
        # With the tables of many-to-many links, which get_models() leaves out by default.
        counted = [model for model in apps.get_models(include_auto_created=True) if not model._meta.proxy]
        before = {model: model._default_manager.count() for model in counted}
        output = load_report()
        grown = [model for model in counted if model._default_manager.count() > before[model]]
        rows = [(model, list(model._default_manager.order_by("pk"))) for model in in_dependency_order(grown)]
        transaction.set_rollback(True)
    return output, rows


def restore_report(report_rows):
    """Write the report's rows, as `make run` would have loaded them; returns what the loader printed."""
    output, rows = report_rows
    for model, objects in rows:
        model._default_manager.bulk_create([copy.copy(obj) for obj in objects])
    # The rows came with their primary keys: move each table's sequence past them.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [model for model, _ in rows]):
            cursor.execute(statement)
    return output


@pytest.fixture
def report_data(db, report_rows):
    """The 2020 annual report's data, as `make run` loads it."""
    return restore_report(report_rows)


def pytest_collection_modifyitems(items):
    """Browser tests last: fast feedback first, and Playwright's event loop, once started, would
    give later tests' database connections a context the final teardown cannot close."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture
def private_storage(settings, tmp_path):
    """Uploaded files go to a folder of this test's own; returns the folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate-limit counters must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def broker_reachable():
    """Each test starts with the outbox trusting the broker again (a test may have made it unreachable)."""
    from wego.notifications import delivery

    delivery.broker_unreachable_until = 0.0


@pytest.fixture
def staff(client):
    """A member of the Secretariat, signed in on `client` (a module may mean someone else by it)."""
    from tests.factories import secretariat_user

    user = secretariat_user()
    client.force_login(user)
    return user
