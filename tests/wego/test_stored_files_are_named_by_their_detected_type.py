"""A stored file's extension is that of what it is (PDF, PNG, JPEG, judged by its first bytes), never
the one the uploader gave it: `letter.exe` that is a real PDF is stored as `letter.pdf`."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from members.models import MembershipApplication
from programs.models import ProjectDocument
from tests.factories import ProjectFactory, UserFactory, membership_application_form, verified
from wego.uploads import stored_name

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16


@pytest.mark.parametrize(
    ("name", "content", "stored"),
    [
        ("letter.exe", PDF, "letter.pdf"),
        ("letter.PDF", PDF, "letter.pdf"),
        ("map.pdf", PNG, "map.png"),
        ("photo", JPEG, "photo.jpg"),
        ("report.tar.gz", PDF, "report.tar.pdf"),
        ("virus.pdf", b"MZ\x90\x00 not a pdf", "virus.bin"),
    ],
)
def test_the_stored_name_keeps_the_uploaded_stem_and_takes_the_detected_extension(name, content, stored):
    assert stored_name(name, ContentFile(content)) == stored


@pytest.mark.django_db
def test_a_letter_of_intent_called_exe_that_is_a_pdf_is_stored_as_a_pdf(client, private_storage):
    client.force_login(verified(UserFactory()))
    response = client.post(
        "/members/join/",
        membership_application_form(
            letter_of_intent=SimpleUploadedFile("letter.exe", PDF, content_type="application/x-msdownload")
        ),
    )
    assert response.status_code == 302
    stored = MembershipApplication.objects.get().letter_of_intent
    assert stored.name.startswith("membership/letters/") and stored.name.endswith("/letter.pdf")
    assert (private_storage / stored.name).read_bytes() == PDF


@pytest.mark.django_db
def test_a_file_saved_without_a_form_is_named_by_its_type_too(private_storage):
    # As the admin, or a script, saves one: the name comes from the field, not from the form.
    document = ProjectDocument.objects.create(
        project=ProjectFactory(), title="Plan", file=SimpleUploadedFile("plan.docx", PDF)
    )
    assert document.file.name.startswith("exchange/documents/") and document.file.name.endswith("/plan.pdf")
