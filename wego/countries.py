"""Country names in the language of the request, translated once per language.

django-countries translates all 250 names whenever its list is read (`dict(countries)`): a public
list did that at every request, some 450 translations for the Exchange's country box alone
(profiled, issue 11). The names only change with a release, when the process starts again.
"""

from django.utils import translation
from django_countries import countries

from .labels import labels_in


def country_names():
    """{code: name} in the active language."""
    return labels_in(countries, translation.get_language())


def by_name(codes):
    """(code, name) for `codes`, in the order of their names."""
    names = country_names()
    return sorted(((code, names.get(code, code)) for code in codes), key=lambda choice: choice[1])
