"""An address by slug is the one reverse() gives, in each language and under any script prefix."""

from django.urls import reverse, set_script_prefix
from django.utils import translation

from wego.addresses import by_slug


def test_the_address_is_what_reverse_gives_in_each_language_and_under_a_prefix():
    for language in ("en", "ko"):
        with translation.override(language):
            for viewname in ("members:detail", "programs:project", "programs:partner", "programs:solution"):
                assert by_slug(viewname, "cauayan-city_2") == reverse(viewname, args=["cauayan-city_2"])
    with translation.override("ko"):
        assert by_slug("members:detail", "seoul") == "/ko/members/seoul/"
    try:
        set_script_prefix("/portal/")
        assert by_slug("members:detail", "seoul") == reverse("members:detail", args=["seoul"])
        assert by_slug("members:detail", "seoul").startswith("/portal/")
    finally:
        set_script_prefix("/")
