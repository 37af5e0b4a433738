"""The public lists' selects are written in Python (wego.forms.QuickSelect) for speed: the markup is
the one Django's own Select renders, escaping included."""

import re

from django import forms

from wego.forms import QuickInput, QuickSelect

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


def test_a_quick_input_renders_what_djangos_text_input_renders():
    attrs = {"class": "form-control", "id": "id_q", "aria-describedby": "id_q_helptext"}
    for value in ["", 'seoul <"city">', None, 5]:
        django = forms.TextInput(attrs={"type": "search", "autocomplete": "off"}).render(
            "q", value, attrs=attrs
        )
        quick = QuickInput(attrs={"type": "search", "autocomplete": "off"}).render("q", value, attrs=attrs)
        assert quick == django, value


def test_the_sort_box_renders_what_django_filters_renders(client, report_data):
    from members.filters import MemberFilter

    quick = MemberFilter({"sort": "-name"}).form["sort"]
    django = MemberFilter.base_filters["sort"].field.widget.render("sort", ["-name"], attrs={"id": "id_sort"})
    assert tidy(str(quick)).replace(' class="form-select"', "") == tidy(django)
    assert '<input type="search" name="q" value="seoul"' in client.get("/members/?q=seoul").text


def test_a_model_choice_box_asks_for_its_remembered_options_once_per_page(client, report_data, monkeypatch):
    """The widget reads its choices twice (for its options, and whether it may be required); each
    reading of the remembered options makes their key, which compiles the box's query."""
    from wego import listing

    asked = []

    def counted(field):
        asked.append(field.queryset.model._meta.label)
        return remembered(field)

    remembered = listing.remembered_choices
    monkeypatch.setattr(listing, "remembered_choices", counted)
    page = client.get("/members/", {"region": "europe"}).text
    assert '<option value="europe" selected>' in page
    assert asked == ["organisations.Region"]
