"""Finding and ordering names as a reader expects, on any database.

A folded copy of each name (lower case, accents removed) is kept beside it, so that
"Beyoglu" finds Beyoğlu, "sao paulo" finds São Paulo, and "beCloud" sorts among the Bs,
on PostgreSQL and on the newcomer's SQLite alike, with an index for ordering.
"""

import unicodedata

from django.db import IntegrityError, transaction
from django.utils.text import slugify

# Letters that are not a base letter plus an accent, so decomposition leaves them as they are.
LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th"})


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(LETTERS)


class KeepsFoldedCopies:
    """A model that keeps folded copies of text fields (`folded_copies`: source -> copy) up to date,
    for searching and sorting as a reader expects; put it before models.Model in the bases."""

    folded_copies = {}

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        for source, copy in self.folded_copies.items():
            setattr(self, copy, fold(getattr(self, source)))
            if update_fields is not None and source in update_fields:
                update_fields = {*update_fields, copy}
        if update_fields is not None:
            kwargs["update_fields"] = update_fields
        super().save(*args, **kwargs)


def unique_slug(model, text, *, fallback, reserved=frozenset()):
    """An address for `text` that no row of `model` has yet, and that is not one of the `reserved`
    words (the pages beside it): "seoul", then "seoul-2", ... ; `fallback` when text has no letters."""
    base = slugify(text)[:180] or fallback
    if base in reserved:
        base = f"{base}-{fallback}"
    slug, number = base, 1
    while model._default_manager.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


SLUG_ATTEMPTS = 5


def save_with_unique_slug(obj, text, save, *, fallback, reserved=frozenset()):
    """Give `obj` the first free address for `text` (as unique_slug) and `save()` it; returns what
    `save()` returns.

    Finding a free address and inserting the row are two steps, and another transaction may take the
    same address in between: the unique index then refuses this insert (once the other commits), and
    the next free address is tried, in a savepoint so that the request's transaction goes on.
    """
    model = type(obj)
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        obj.slug = unique_slug(model, text, fallback=fallback, reserved=reserved)
        try:
            with transaction.atomic():
                return save()
        except IntegrityError:
            # Another unique rule broken, or addresses taken faster than we can count: not ours to hide.
            if attempt == SLUG_ATTEMPTS or not model._default_manager.filter(slug=obj.slug).exists():
                raise
