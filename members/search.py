"""Searching names: the one place that knows which database it runs on.

On PostgreSQL accents are ignored ("Beyoglu" finds Beyoğlu, "sao paulo" finds São Paulo)
through the unaccent extension; elsewhere (the newcomer's SQLite) it is a plain
case-insensitive match.
"""

from django.db import connection


def name_contains(queryset, text):
    if connection.vendor == "postgresql":
        return queryset.filter(name__unaccent__icontains=text)
    return queryset.filter(name__icontains=text)
