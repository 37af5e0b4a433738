"""Country names in the language of the request, translated once per language.

django-countries translates all 250 names whenever its list is read (`dict(countries)`): a public
list did that at every request, some 450 translations for the Exchange's country box alone
(profiled, issue 11). The names only change with a release, when the process starts again.
"""

import functools

from django.utils import translation
from django_countries import countries


@functools.cache
def names_in(language):
    with translation.override(language):
        return {code: str(name) for code, name in countries}


def country_names():
    """{code: name} in the active language."""
    return names_in(translation.get_language())


def by_name(codes):
    """(code, name) for `codes`, in the order of their names."""
    names = country_names()
    return sorted(((code, names.get(code, code)) for code in codes), key=lambda choice: choice[1])
