"""The labels of a model's choices (and the countries' names, wego/countries.py) in the language of
the request, translated once per language.

Django's get_FOO_display() makes a dict of the field's choices and translates the label at every
call: some 70 µs a row of a public list, as much as the rest of the row (profiled, issue 11). The
labels only change with a release, when the process starts again.
"""

import functools

from django.utils import translation


@functools.cache
def labels_in(choices, language):
    """{value: label} of `choices`: a TextChoices class, or (value, label) pairs such as
    django-countries' list."""
    with translation.override(language):
        return {value: str(label) for value, label in getattr(choices, "choices", choices)}


def label_of(choices, value):
    """The label of `value` among `choices` (a TextChoices class), or the value itself if unknown."""
    return labels_in(choices, translation.get_language()).get(value, value)
