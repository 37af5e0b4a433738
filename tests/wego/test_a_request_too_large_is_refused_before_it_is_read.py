"""A request body over REQUEST_MAX_BYTES is refused with a friendly 413 before a byte of it is read
(the upload's own 5 MB check comes only after Django has read the whole body); uploads within the
limit go through as before."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from members.models import MembershipApplication
from tests.factories import UserFactory, membership_application_form, verified

pytestmark = pytest.mark.django_db

MB = 2**20
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class CountedBody:
    """A request body of `size` bytes, made as it is read, that counts the bytes read: what the WSGI
    server hands Django as wsgi.input."""

    def __init__(self, size):
        self.size, self.read_so_far = size, 0

    def read(self, size=-1):
        left = self.size - self.read_so_far
        count = left if size is None or size < 0 else min(size, left)
        self.read_so_far += count
        return b"x" * count

    readline = read  # no line breaks in it


def post_body(client, body, **environ):
    return client.generic(
        "POST",
        "/members/join/",
        **{"wsgi.input": body, "CONTENT_TYPE": "multipart/form-data; boundary=portal", **environ},
    )


@pytest.fixture
def applicant(client):
    client.force_login(verified(UserFactory()))


def test_a_50_mb_upload_is_refused_with_413_before_its_body_is_read(client, applicant):
    body = CountedBody(50 * MB)
    response = post_body(client, body, CONTENT_LENGTH=str(body.size))
    assert response.status_code == 413
    assert body.read_so_far == 0
    assert not MembershipApplication.objects.exists()


def test_the_413_page_says_the_limit_and_the_way_back_in_the_sites_layout(client, applicant):
    response = post_body(client, CountedBody(50 * MB), CONTENT_LENGTH=str(50 * MB))
    page = response.text
    assert "<title>What you sent is too large · WeGO Portal</title>" in page
    assert "at most 11 MB in one form, and each file may be at most 5 MB" in page
    assert "browser's Back button" in page
    # It went out through the other middleware: security headers and the language are set.
    assert response["Content-Security-Policy"] and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Language"] == "en"


def test_a_body_without_a_content_length_is_never_read(client, applicant):
    # Under WSGI Django reads at most Content-Length bytes: a chunked body without one is left unread.
    body = CountedBody(50 * MB)
    response = post_body(client, body)
    assert response.status_code < 500
    assert body.read_so_far == 0
    assert not MembershipApplication.objects.exists()


def test_two_files_near_the_upload_limit_still_go_through_in_one_request(client, applicant, private_storage):
    # As the Exchange's share form sends two documents: the request limit leaves room for both.
    near_the_limit = settings.UPLOAD_MAX_BYTES - 100 * 1024
    response = client.post(
        "/members/join/",
        membership_application_form(
            letter_of_intent=SimpleUploadedFile("letter.pdf", PDF + b" " * near_the_limit),
            annex=SimpleUploadedFile("annex.pdf", PDF + b" " * near_the_limit),
        ),
    )
    assert response.status_code == 302
    assert MembershipApplication.objects.get().letter_of_intent.size == len(PDF) + near_the_limit
