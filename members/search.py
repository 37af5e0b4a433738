"""Finding and ordering members by name as a reader expects, on any database.

A folded copy of each name (lower case, accents removed) is kept beside it, so that
"Beyoglu" finds Beyoğlu, "sao paulo" finds São Paulo, and "beCloud" sorts among the Bs,
on PostgreSQL and on the newcomer's SQLite alike, with an index for ordering.
"""

import unicodedata

# Letters that are not a base letter plus an accent, so decomposition leaves them as they are.
LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th"})


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(LETTERS)


def name_contains(queryset, text):
    return queryset.filter(name_folded__contains=fold(text))
