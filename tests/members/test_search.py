import pytest

from members.models import Member
from members.search import fold
from tests.factories import MemberFactory


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("São Paulo", "sao paulo"),
        ("Beyoğlu", "beyoglu"),
        ("Muğla", "mugla"),
        ("beCloud", "becloud"),
        ("Asunción", "asuncion"),
        ("Đà Nẵng", "da nang"),
        ("Straße", "strasse"),
    ],
)
def test_fold_drops_case_and_accents(name, folded):
    assert fold(name) == folded


@pytest.mark.django_db
def test_a_renamed_member_is_found_by_its_new_name():
    member = MemberFactory(name="Old Name")
    member.name = "Nouvelle Cité"
    member.save(update_fields=["name"])
    assert Member.objects.get(name_folded="nouvelle cite") == member
