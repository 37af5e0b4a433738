"""The Solution Finder's domain actions: drafts, versions, the thread, proposals of partners."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from members.workflow import is_secretariat
from wego.notifications.outbox import queue

from ..models import ApplicationVersion, Introduction, SolutionFinderApplication, ThreadMessage
from ..workflow import officials_of, secretariat_staff

# The city may change its answers in these states: a draft, or when WeGO asked it to clarify.
EDITABLE_STATES = frozenset({"draft", "clarification_requested"})
# WeGO proposes partners once it has given its preliminary feedback.
PROPOSING_STATES = frozenset({"feedback_given", "partners_connected", "implementing"})
# Solution packages are defined once partners are connected, and kept up to date while implementing.
PACKAGE_STATES = frozenset({"partners_connected", "implementing"})
# Nobody writes in the thread of a finished or withdrawn application, nor of a draft.
THREAD_CLOSED_STATES = frozenset({"draft", "completed", "declined", "withdrawn"})


class NotEditable(Exception):
    """The application cannot be changed in its current state; the message says why."""


def start_application(organisation, user):
    return SolutionFinderApplication.objects.create(
        organisation=organisation,
        started_by=user,
        contact_email=user.email,
    )


@transaction.atomic
def save_step(application, step, save):
    """Save one step of the form (`save` writes it); the row is locked so two officials
    editing at once are served one after the other, and only while it may be edited."""
    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in EDITABLE_STATES:
        raise NotEditable(_("This application has been submitted; it can no longer be changed."))
    save()
    if step.slug not in locked.steps_saved:
        locked.steps_saved = [*locked.steps_saved, step.slug]
    locked.save(update_fields=["steps_saved", "updated_at"])
    application.steps_saved = locked.steps_saved


def missing_parts(application):
    """The titles of the steps that are not complete, in the form's order."""
    from ..steps import STEPS

    missing = []
    for step in STEPS:
        if step.form_class is not None:
            form = step.form_class(data=model_to_dict(application, fields=step.form_class._meta.fields))
            if not form.is_valid():
                missing.append(step.title)
        elif step.slug == "challenges" and not application.challenges.exists():
            missing.append(step.title)
    return missing


def snapshot(application):
    """What the application says now, as [{key, label, value}] in the form's order."""
    from ..steps import STEPS

    content = [
        {"key": "organisation", "label": str(_("Organisation")), "value": application.organisation.name}
    ]
    for step in STEPS:
        if step.form_class is not None:
            for name in step.form_class._meta.fields:
                field = application._meta.get_field(name)
                display = getattr(application, f"get_{name}_display", None)
                value = display() if display else getattr(application, name)
                content.append({"key": name, "label": str(field.verbose_name), "value": _text(value)})
        elif step.slug == "challenges":
            for number, challenge in enumerate(application.challenges.select_related("area"), start=1):
                content.append(
                    {
                        "key": f"challenge-{challenge.pk}",
                        "label": _("Challenge %(number)d") % {"number": number},
                        "value": "\n".join(
                            [
                                f"{_('Area')}: {challenge.area}",
                                f"{_('Priority')}: {challenge.get_priority_display()}",
                                f"{_('Problem statement')}: {challenge.problem_statement}",
                                f"{_('Who is affected')}: {challenge.affected}",
                                f"{_('Current situation')}: {challenge.current_situation}",
                            ]
                        ),
                    }
                )
        elif step.slug == "attachments":
            names = [attachment.title for attachment in application.attachments.all()]
            content.append({"key": "attachments", "label": str(_("Attachments")), "value": "\n".join(names)})
    return content


def _text(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def record_version(application, actor):
    """Keep what was submitted, numbered; the first submission's time is remembered."""
    number = application.versions.count() + 1
    ApplicationVersion.objects.create(
        application=application, number=number, submitted_by=actor, content=snapshot(application)
    )
    if application.submitted_at is None:
        application.submitted_at = timezone.now()
        application.save(update_fields=["submitted_at", "updated_at"])


def changes(version, previous):
    """(label, before, after) for each answer that differs between two versions."""
    before = {item["key"]: item for item in previous.content}
    after = {item["key"]: item for item in version.content}
    differences = []
    for key, item in after.items():
        old = before.get(key, {}).get("value", "")
        if old != item["value"]:
            differences.append((item["label"], old, item["value"]))
    for key, item in before.items():
        if key not in after:
            differences.append((item["label"], item["value"], ""))
    return differences


def versions_with_changes(application):
    """[(version, changes since the previous version or None for the first)], oldest first."""
    versions = list(application.versions.select_related("submitted_by"))
    return [
        (version, changes(version, versions[index - 1]) if index else None)
        for index, version in enumerate(versions)
    ]


def keep_feedback(application, note):
    """Effect of 'give feedback': the note is the preliminary feedback the city reads on its page."""
    application.feedback = note
    application.feedback_at = timezone.now()
    application.save(update_fields=["feedback", "feedback_at", "updated_at"])


@transaction.atomic
def post_message(application, author, *, body, attachment=None):
    """A message in the clarification thread; the other side is told by email."""
    if application.status in THREAD_CLOSED_STATES:
        raise NotEditable(_("The thread of this application is closed."))
    from_secretariat = is_secretariat(author)
    message = ThreadMessage.objects.create(
        application=application,
        author=author,
        from_secretariat=from_secretariat,
        body=body,
        attachment=attachment,
        attachment_name=attachment.name[:200] if attachment else "",
    )
    recipients = officials_of(application.organisation) if from_secretariat else secretariat_staff()
    for person in recipients:
        if person.pk != author.pk:
            queue("programs:thread_message", recipient=person, related=message)
    return message


@transaction.atomic
def propose_partner(application, partner, *, reason, actor):
    """WeGO proposes a strategic partner to the city (step 3); both sides are told."""
    from ..permissions import officials_of_partner

    if not is_secretariat(actor):
        raise PermissionDenied
    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in PROPOSING_STATES:
        raise NotEditable(_("Partners can be proposed once the preliminary feedback has been given."))
    introduction = Introduction.objects.create(
        application=locked, partner=partner, reason=reason, proposed_by=actor
    )
    people = {p.pk: p for p in officials_of(locked.organisation)}
    people.update({p.pk: p for p in officials_of_partner(partner)})
    for person in people.values():
        queue("programs:introduction_proposed", recipient=person, related=introduction)
    return introduction


@transaction.atomic
def add_attachment(application, form, user):
    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in EDITABLE_STATES:
        raise NotEditable(_("This application has been submitted; it can no longer be changed."))
    attachment = form.save(commit=False)
    attachment.application = locked
    attachment.uploaded_by = user
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(application, attachment):
    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in EDITABLE_STATES:
        raise NotEditable(_("This application has been submitted; it can no longer be changed."))
    attachment.file.delete(save=False)
    attachment.delete()
