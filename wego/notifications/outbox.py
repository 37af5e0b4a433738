"""queue(): render a notification in its recipient's language and write it to the outbox.

Called inside the transaction of the change it reports, so the row exists exactly when
the change does; delivery is handed to Celery only once that transaction commits.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.utils import translation

from .delivery import hand_to_worker
from .models import Notification


def templates_for(kind):
    """'members:application_status' -> members/email/application_status-{subject,body-text,body-html}."""
    app, name = kind.split(":")
    return {
        part: f"{app}/email/{name}-{part}.{ext}"
        for part, ext in (("subject", "txt"), ("body-text", "txt"), ("body-html", "html"))
    }


def queue(kind, *, recipient=None, email=None, context=None, related=None, attachments=()):
    email = email or recipient.email
    language = (
        (getattr(recipient, "language", "") or settings.LANGUAGE_CODE)
        if recipient
        else settings.LANGUAGE_CODE
    )
    context = {
        "recipient": recipient,
        "related": related,
        "portal_url": settings.PORTAL_URL,
        **(context or {}),
    }
    names = templates_for(kind)
    with translation.override(language):
        subject = " ".join(render_to_string(names["subject"], context).split())
        body_text = render_to_string(names["body-text"], context)
        body_html = render_to_string(names["body-html"], context)
    return write(
        kind,
        email=email,
        language=language,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        recipient=recipient,
        related=related,
        attachments=attachments,
    )


def written_lately(related, kinds, since):
    """Whether a message of one of `kinds` about `related` was written to the outbox since `since`:
    so that asking again and again sends one message a while, not one each time."""
    return Notification.objects.filter(
        content_type=ContentType.objects.get_for_model(related),
        object_id=related.pk,
        kind__in=kinds,
        created_at__gte=since,
    ).exists()


def write(
    kind,
    *,
    email,
    subject,
    body_text,
    body_html="",
    language=None,
    recipient=None,
    related=None,
    confidential=False,
    attachments=(),
):
    """Write one rendered message to the outbox, in the current transaction; a worker delivers it
    once that transaction commits. queue() renders the portal's own messages; the account mail
    (organisations/accounts.py) arrives here rendered by allauth, `confidential`: its text carries
    a personal link, shown to nobody in the admin and forgotten once delivered. `attachments` are
    (file name, content, type) triples, sent with the message."""
    notification = Notification.objects.create(
        recipient=recipient,
        email=email,
        kind=kind,
        language=language or settings.LANGUAGE_CODE,
        subject=" ".join(subject.split())[:200],
        body_text=body_text,
        body_html=body_html,
        content_type=ContentType.objects.get_for_model(related) if related is not None else None,
        object_id=related.pk if related is not None else None,
        confidential=confidential,
    )
    for filename, content, mimetype in attachments:
        notification.attachments.create(
            filename=filename,
            mimetype=mimetype,
            content=content.encode() if isinstance(content, str) else content,
        )
    hand_to_worker(notification.pk)
    return notification
