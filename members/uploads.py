"""Checks on uploaded files by what they contain, not by what they are called."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def validate_pdf(upload):
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if not head.lstrip().startswith(b"%PDF-"):
        raise ValidationError(_("This file is not a PDF. Please scan or export the signed letter as a PDF."))


# What each accepted kind of attachment starts with.
SIGNATURES = {
    "PDF": b"%PDF-",
    "PNG": b"\x89PNG\r\n\x1a\n",
    "JPEG": b"\xff\xd8\xff",
}


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


def validate_attachment(upload):
    """A PDF, PNG or JPEG file within the size limit, judged by its first bytes."""
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        )
    if detected_type(upload) is None:
        raise ValidationError(_("Attach a PDF, PNG or JPEG file. This file is none of them."))
