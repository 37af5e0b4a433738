"""Every write to the database, however it is made, renews the versions of the content it touches.

An execute wrapper on each connection reads the table an INSERT, UPDATE or DELETE writes (Django's
SQL names it right after the verb) and renews the kinds of content of that table twice: at once,
so that a reader of the same transaction (or a test, whose transaction never commits) sees the
change; and again once the transaction commits, so that a page rendered from the old rows by another
request in between is never served. TRUNCATE and a migration renew every page.
"""

import re
import weakref

from django.db import transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate

from . import content, versions

WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([\w.]+)"?', re.IGNORECASE)
TRUNCATE = re.compile(r"^\s*TRUNCATE\b", re.IGNORECASE)

# The kinds written in each open transaction, renewed when it commits: one callback per transaction.
_pending = weakref.WeakKeyDictionary()


def tables_written(sql):
    if TRUNCATE.match(sql):
        return None  # every table
    found = WRITE.match(sql)
    return {found.group(1)} if found else set()


def renew_after_commit(connection, kinds):
    """Renew `kinds` once the transaction commits (at once in autocommit)."""
    if not connection.in_atomic_block:
        versions.renew(kinds)
        return
    outermost = connection.atomic_blocks[0]
    if outermost not in _pending:
        _pending[outermost] = set()
        waiting = _pending[outermost]
        transaction.on_commit(lambda: versions.renew(waiting), using=connection.alias, robust=True)
    _pending[outermost] |= kinds


class RenewOnWrite:
    def __init__(self, connection):
        self.connection = connection

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        tables = tables_written(sql)
        if tables is None:
            kinds = {content.PORTAL}
        elif tables:
            kinds = content.kinds_written(tables)
        else:
            return result
        if kinds:
            versions.renew(kinds)
            renew_after_commit(self.connection, kinds)
        return result


def watch(sender, connection, **kwargs):
    connection.execute_wrappers.append(RenewOnWrite(connection))


def renew_everything(**kwargs):
    versions.renew({content.PORTAL})


def install():
    connection_created.connect(watch, dispatch_uid="pagecache-watch")
    # A release (migrations, new templates) makes every page fresh.
    post_migrate.connect(renew_everything, dispatch_uid="pagecache-release")
