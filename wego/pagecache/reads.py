"""What is kept under the versions of some kinds of content must read nothing else, or a change to
what it read would leave it stale. With PAGE_CACHE_CHECK_READS (the test suite) every value and part
kept that way is computed under watch, and a table its kinds do not name fails at once."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from . import content

# Tables anything may read: content types change only with a migration, which makes every kept thing
# fresh (the portal's version), and Django keeps them per process after the first read anyway.
READABLE_BY_ALL = frozenset({"django_content_type"})


def computed(kinds, name, compute):
    """compute(), checked when the settings ask for it."""
    if not settings.PAGE_CACHE_CHECK_READS:
        return compute()
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        value = compute()
    undeclared = content.tables_read(statements) - content.tables_of(kinds) - READABLE_BY_ALL
    if undeclared:
        culprit = next(sql for sql in statements if content.tables_read([sql]) & undeclared)
        raise ImproperlyConfigured(
            f"{name} is kept under {sorted(kinds)} but reads {sorted(undeclared)}, which none of them "
            f"is shown from, in: {culprit}"
        )
    return value
