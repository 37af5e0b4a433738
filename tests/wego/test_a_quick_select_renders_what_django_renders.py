"""The public lists' selects are written in Python (wego.forms.QuickSelect) for speed: the markup is
the one Django's own Select renders, escaping included."""

import re

from django import forms

from wego.forms import QuickSelect

CHOICES = [
    ("", "Any region"),
    ("asia", "Asia & Pacific"),
    ("europe", "Europe <west>"),
    ("Americas", [("north", "North"), ("south", "South")]),
]


def tidy(markup):
    return re.sub(r">\s+<", "><", str(markup)).strip()


def test_a_quick_select_renders_what_djangos_select_renders():
    attrs = {"id": "id_region", "class": "form-select", "aria-describedby": "id_region_helptext"}
    for value in ["", "asia", "south", None, "nowhere"]:
        django = forms.Select(choices=CHOICES).render("region", value, attrs=attrs)
        quick = QuickSelect(choices=CHOICES).render("region", value, attrs=attrs)
        assert tidy(quick) == tidy(django), value


def test_the_public_lists_use_it(client, report_data):
    page = client.get("/members/").text
    assert '<select name="region" class="form-select" id="id_region"' in page
    assert '<option value="" selected>' in page and "</optgroup>" not in page
