"""A submission's clarification thread between staff and the submitter (see definitions.Thread)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from .engine import tell
from .errors import NotEditable
from .models import ThreadMessage


def messages_of(obj):
    return ThreadMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("author")


def is_open(obj):
    workflow = type(obj).workflow
    return workflow.thread is not None and workflow.has(obj, workflow.thread.open_flag)


def side_of(user, obj):
    """'staff', 'submitter', or None for someone who does not write in this thread."""
    workflow = type(obj).workflow
    roles = workflow.roles_of(user, obj)
    if workflow.thread.staff_role in roles:
        return "staff"
    if workflow.thread.submitter_role in roles:
        return "submitter"
    return None


@transaction.atomic
def post_message(obj, author, *, body, attachment=None):
    """A message in the thread; the other side is told. PermissionDenied for someone on neither side."""
    workflow = type(obj).workflow
    locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    side = side_of(author, locked)
    if side is None:
        raise PermissionDenied
    if not is_open(locked):
        raise NotEditable(_("The thread is closed in this state."))
    message = ThreadMessage.objects.create(
        content_type=ContentType.objects.get_for_model(locked),
        object_id=locked.pk,
        author=author,
        from_staff=side == "staff",
        body=body,
        attachment=attachment,
        attachment_name=attachment.name[:200] if attachment else "",
    )
    other = workflow.thread.submitter_audience if side == "staff" else workflow.thread.staff_audience
    tell(locked, [other], "workflow:thread_message", {"message": message}, leave_out=author)
    return message
