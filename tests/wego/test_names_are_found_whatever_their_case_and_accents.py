import pytest

from organisations.models import Organisation
from tests.factories import MemberFactory
from wego.text import fold


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
def test_a_renamed_organisation_is_found_by_its_new_name():
    organisation = MemberFactory(name="Old Name").organisation
    organisation.name = "Nouvelle Cité"
    organisation.save(update_fields=["name"])
    assert Organisation.objects.get(name_folded="nouvelle cite") == organisation
