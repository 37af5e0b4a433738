"""The Exchange's text search: the one seam between PostgreSQL's full-text search and a plain fallback.

On PostgreSQL, a project's search document is matched with websearch syntax ("smart parking",
-pilot, or) through an expression index, and results are ranked by relevance. On any other
database (the newcomer's SQLite) it is a case- and accent-insensitive substring match on the
same document, ordered by title.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, Func

from members.search import fold

CONFIG = "english"


class DocumentVector(Func):
    """to_tsvector over the folded search document, exactly as the index in migration 0002 is built."""

    template = f"to_tsvector('{CONFIG}'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()


def full_text_available():
    return connection.vendor == "postgresql"


def search_projects(queryset, text):
    """(projects matching `text`, whether they are ordered by relevance)."""
    text = fold(text)
    if not full_text_available():
        return queryset.filter(search_document__contains=text), False
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    vector = DocumentVector(F("search_document"))
    matches = queryset.alias(document=vector).filter(document=query)
    return matches.annotate(relevance=SearchRank(vector, query)), True


def search_document(*parts):
    """The folded text a project is found by."""
    return fold(" ".join(str(part) for part in parts if part))
