"""What a visitor's query string may carry into a view: text without control characters.

Every list, filter, export and compare page passes query-string values to the database, and
PostgreSQL refuses a NUL in text with an error (a 500). A tab or a line break means nothing in a
query string either, so every control character goes, from names and values alike, before any view
reads request.GET (wego.middleware.clean_query_string). Posted forms are not cleaned silently: their
text fields refuse control characters with a message (wego.forms)."""

import re
from urllib.parse import urlencode

from django.http import QueryDict

# Characters that are never text a person means: C0 and C1 controls, DEL, and the bidirectional
# overrides and isolates that make text read otherwise than it is stored ("Trojan Source").
INVISIBLE = "\u202a-\u202e\u2066-\u2069"
CONTROL_CHARACTERS = re.compile(rf"[\x00-\x1f\x7f-\x9f{INVISIBLE}]")
# In a text a person types, tab, line feed and carriage return are text; the others are not.
CONTROL_CHARACTERS_IN_TEXT = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{INVISIBLE}]")


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


def cleaned_query(query):
    """The QueryDict with control characters removed from every name and value; names that become
    the same keep all their values, in order."""
    pairs = [
        (without_control_characters(name), without_control_characters(value))
        for name, values in query.lists()
        for value in values
    ]
    return QueryDict(urlencode(pairs, encoding=query.encoding), encoding=query.encoding)
