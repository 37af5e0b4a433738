"""Searching and sorting names: the one place that knows which database it runs on.

On PostgreSQL accents are ignored ("Beyoglu" finds Beyoğlu, "sao paulo" finds São Paulo)
through the unaccent extension; elsewhere (the newcomer's SQLite) it is a plain
case-insensitive match.
"""

from django.contrib.postgres.lookups import Unaccent
from django.db import connection
from django.db.models.functions import Lower


def name_contains(queryset, text):
    if connection.vendor == "postgresql":
        return queryset.filter(name__unaccent__icontains=text)
    return queryset.filter(name__icontains=text)


def name_sort_key():
    """Names in the order a reader expects: "beCloud" among the Bs, "São Paulo" among the Sa."""
    if connection.vendor == "postgresql":
        return Unaccent(Lower("name"))
    return Lower("name")
