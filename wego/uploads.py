"""Checks on uploaded files by what they contain, not by what they are called; files stored, and
downloads named, from what was checked, never from the uploaded name."""

import posixpath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _

# What each accepted kind of file starts with, and how it is served.
SIGNATURES = {
    "PDF": b"%PDF-",
    "PNG": b"\x89PNG\r\n\x1a\n",
    "JPEG": b"\xff\xd8\xff",
}
DOWNLOAD_TYPES = {
    "PDF": ("pdf", "application/pdf"),
    "PNG": ("png", "image/png"),
    "JPEG": ("jpg", "image/jpeg"),
}

IMAGE_TYPES = ("PNG", "JPEG")


def detected_type(upload):
    """'PDF', 'PNG', 'JPEG' or None, from the file's first bytes."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for kind, signature in SIGNATURES.items():
        # A PDF may start after a little whitespace; images start at their first byte.
        if (head.lstrip() if kind == "PDF" else head).startswith(signature):
            return kind
    return None


def check_size(upload):
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        )


def validate_pdf(upload):
    check_size(upload)
    if detected_type(upload) != "PDF":
        raise ValidationError(_("This file is not a PDF. Please export or scan it as a PDF."))


def validate_attachment(upload):
    """A PDF, PNG or JPEG file within the size limit, judged by its first bytes."""
    check_size(upload)
    if detected_type(upload) is None:
        raise ValidationError(_("Attach a PDF, PNG or JPEG file. This file is none of them."))


def validate_image(upload):
    """A PNG or JPEG image within the size limit, judged by its first bytes: what a page may show.
    (No SVG: it may carry script.)"""
    check_size(upload)
    if detected_type(upload) not in IMAGE_TYPES:
        raise ValidationError(_("Choose a PNG or JPEG image. This file is neither."))


def download(stored, title):
    """The file as an attachment named from its title and its checked type."""
    kind = detected_type(stored)
    extension, content_type = DOWNLOAD_TYPES.get(kind, ("bin", "application/octet-stream"))
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=f"{slugify(title) or 'attachment'}.{extension}",
        content_type=content_type,
    )


def inline_image(stored, title):
    """The stored image shown in a page, typed by what it is; 404 for anything that is not an image
    (a file put there by other means), so that the browser never guesses."""
    kind = detected_type(stored)
    if kind not in IMAGE_TYPES:
        raise Http404
    extension, content_type = DOWNLOAD_TYPES[kind]
    return FileResponse(
        stored.open("rb"),
        as_attachment=False,
        filename=f"{slugify(title) or 'image'}.{extension}",
        content_type=content_type,
    )


def stored_name(name, content):
    """The uploaded name with the extension of what the file is: `letter.exe` that is a PDF is stored as
    `letter.pdf`, so that nothing on the disk, in a backup or in a download says otherwise."""
    extension = DOWNLOAD_TYPES.get(detected_type(content), ("bin",))[0]
    stem = posixpath.splitext(posixpath.basename(name))[0] or "file"
    return f"{stem}.{extension}"


class CheckedFieldFile(FieldFile):
    def save(self, name, content, save=True):
        super().save(stored_name(name, content), content, save)


class CheckedFileField(models.FileField):
    """The portal's FileField: whatever saves a file (a form, the admin, a script), it is stored under
    the extension of its detected type (stored_name)."""

    attr_class = CheckedFieldFile
