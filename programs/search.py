"""The Exchange's text search: the one seam between PostgreSQL's full-text search and a plain fallback.

On PostgreSQL, a project's search document is kept as a tsvector beside it (search_vector, written
with the document through stored_search) and matched with websearch syntax ("smart parking", -pilot,
or) through its GIN index; results are ranked by relevance from the stored vector, so a search
that matches thousands of projects does not parse thousands of documents again. On any other
database (the newcomer's SQLite) every word or "quoted phrase" must appear in the same document
(case and accents ignored), -words must not, and results are ordered by title.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, Func, Value

from wego.text import fold

CONFIG = "english"


class DocumentVector(Func):
    """to_tsvector over the folded search document."""

    template = f"to_tsvector('{CONFIG}'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()


def full_text_available():
    return connection.vendor == "postgresql"


def search_projects(queryset, text):
    """(projects matching `text`, whether they are ordered by relevance)."""
    text = fold(text)
    if not full_text_available():
        return plain_search(queryset, text), False
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    matches = queryset.filter(search_vector=query)
    return matches.annotate(relevance=SearchRank(F("search_vector"), query)), True


def stored_search(document):
    """The fields that keep a project's search document, its vector with it where there is one."""
    fields = {"search_document": document}
    if full_text_available():
        fields["search_vector"] = DocumentVector(Value(document))
    return fields


# "quoted words", -excluded, or a word; as websearch reads them.
TERMS = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')


def plain_search(queryset, text):
    """The fallback: every word (or "quoted phrase") somewhere in the document, none of the -words."""
    for quoted_minus, phrase, minus, word in TERMS.findall(text):
        term = (phrase or word).strip()
        if not term or term == "or":
            continue
        if quoted_minus or (minus and word):
            queryset = queryset.exclude(search_document__contains=term)
        else:
            queryset = queryset.filter(search_document__contains=term)
    return queryset


def search_document(*parts):
    """The folded text a project is found by."""
    return fold(" ".join(str(part) for part in parts if part))
