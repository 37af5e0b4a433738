"""Country names are translated once per language, and each reader gets their own language's."""

from django.utils import translation

from wego.countries import by_name, country_names


def test_names_follow_the_active_language_and_choices_are_in_the_order_of_the_names():
    with translation.override("en"):
        assert country_names()["KR"] == "South Korea"
        assert by_name(["KR", "PH"]) == [("PH", "Philippines"), ("KR", "South Korea")]
    with translation.override("ko"):
        assert country_names()["KR"] == "대한민국"
        assert by_name(["KR", "PH"]) == [("KR", "대한민국"), ("PH", "필리핀")]
    with translation.override("en"):
        assert country_names()["PH"] == "Philippines"


def test_a_code_without_a_name_is_shown_as_it_is():
    with translation.override("en"):
        assert by_name(["XK", "ZZ"])[-1] == ("ZZ", "ZZ")
