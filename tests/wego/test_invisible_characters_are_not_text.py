"""One definition of what is not text (wego/input.py): C0 and C1 controls, DEL, and the bidirectional
overrides that make a name read otherwise than it is stored; a form refuses them in what a person
types (keeping tabs and line breaks), a query string loses them."""

import pytest
from django.core.exceptions import ValidationError

from wego.forms import no_control_characters
from wego.input import without_control_characters

NOT_TEXT = ["\x00", "\x1b", "\x7f", "\x85", "\x9b", "\u202e", "\u2066"]


@pytest.mark.parametrize("character", NOT_TEXT)
def test_a_form_refuses_what_is_not_text(character):
    with pytest.raises(ValidationError, match="invisible control characters"):
        no_control_characters(f"Seoul{character}City")


def test_a_form_keeps_tabs_line_breaks_and_every_script():
    no_control_characters("서울특별시\tSeoul\r\nالرياض — São Paulo\u200f")


@pytest.mark.parametrize("character", NOT_TEXT)
def test_a_query_string_loses_what_is_not_text(character):
    assert without_control_characters(f"se{character}oul") == "seoul"
