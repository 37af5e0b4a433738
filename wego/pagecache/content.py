"""Which tables make up each kind of content the public pages show, as each app declares them."""

import re

from django.apps import apps

# Every page shows the layout (the footer's Secretariat contact) and the portal itself, whose
# version changes with a release (post_migrate) or a write to a table nobody declared.
LAYOUT = "layout"
PORTAL = "portal"

_declared = {}  # kind -> model labels
_private = set()  # model labels no public page shows
_personal = set()  # kinds only a signed-in person's own pages show
_tables = None  # table -> kinds, built on first use
_moments = {}  # kind -> moments(): when what it shows changes by the clock alone


def declare(kind, *model_labels, moments=None):
    """`kind` of content is shown from these models ("app_label.Model"); their many-to-many tables
    count with them.

    Content that changes when a moment passes, not only when it is written (a call that opens and
    closes at set times), gives `moments()`: every moment at which what its pages say changes,
    read from its own models only. A page of it is then kept until the next of them as well
    (versions.tokens_for)."""
    global _tables
    _declared.setdefault(kind, set()).update(model_labels)
    if moments is not None:
        _moments[kind] = moments
    _tables = None


def moments_of(kind):
    """The kind's moments() function, or None for content that changes only when written."""
    return _moments.get(kind)


def declare_personal(kind, *model_labels):
    """`kind` of content is shown only to the people it belongs to (My WeGO's panels, a city's
    application), from these models: parts of their pages are kept per person under its version
    (wego/pagecache/fragments.py). No public page may name it."""
    declare(kind, *model_labels)
    _personal.add(kind)


def personal_kinds():
    return frozenset(_personal)


def tables_of(kinds):
    """The tables `kinds` of content are shown from."""
    return {
        table
        for kind in kinds
        for label in _declared.get(kind, ())
        for table in own_tables(apps.get_model(label))
    }


READ = re.compile(r'(?:FROM|JOIN)\s+"(\w+)"', re.IGNORECASE)


def tables_read(sql_statements):
    """The tables these SELECTs read, subqueries and joins included."""
    return {table for sql in sql_statements for table in READ.findall(sql)}


def keep_private(*model_labels):
    """No public page shows these models: writing to them makes no page fresh."""
    global _tables
    _private.update(model_labels)
    _tables = None


def kinds():
    return frozenset(_declared) | {LAYOUT, PORTAL}


def own_tables(model):
    """The model's table and the many-to-many tables it declares."""
    tables = {model._meta.db_table}
    for field in model._meta.local_many_to_many:
        tables.add(field.remote_field.through._meta.db_table)
    return tables


def private_tables():
    tables = {"django_migrations"}
    for label in _private:
        tables |= own_tables(apps.get_model(label))
    return tables


def tables_to_kinds():
    """{table: frozenset of kinds}; a table in no kind and not private counts for every page."""
    global _tables
    if _tables is None:
        mapping = {}
        for kind, labels in _declared.items():
            for label in labels:
                for table in own_tables(apps.get_model(label)):
                    mapping.setdefault(table, set()).add(kind)
        for table in private_tables():
            mapping.setdefault(table, set())
        _tables = {table: frozenset(found) for table, found in mapping.items()}
    return _tables


def kinds_written(tables):
    """The kinds whose pages a write to `tables` makes stale: PORTAL (every page) for a table nobody
    declared, shown or private."""
    mapping = tables_to_kinds()
    found = set()
    for table in tables:
        if table not in mapping:
            return {PORTAL}
        found |= mapping[table]
    return found


def undeclared_tables():
    """The tables of installed models that are neither in a kind nor private (each costs every
    cached page on every write)."""
    mapping = tables_to_kinds()
    return sorted(
        table
        for model in apps.get_models(include_auto_created=True)
        for table in [model._meta.db_table]
        if table not in mapping
    )
