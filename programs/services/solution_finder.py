"""The Solution Finder's domain actions: drafts, versions, the thread, proposals of partners."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import construct_instance, model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from members.workflow import is_secretariat
from wego.notifications.outbox import queue

from ..models import ApplicationVersion, Introduction, Priority, SolutionFinderApplication, ThreadMessage
from ..workflow import INTRODUCING_STATES, officials_of, secretariat_staff

# The city may change its answers in these states: a draft, or when WeGO asked it to clarify.
EDITABLE_STATES = frozenset({"draft", "clarification_requested"})
# WeGO proposes partners once it has given its preliminary feedback.
PROPOSING_STATES = INTRODUCING_STATES
# Solution packages are defined once partners are connected, and kept up to date while implementing.
PACKAGE_STATES = frozenset({"partners_connected", "implementing"})
# States in which the city reads WeGO's note on the step that led there: its question, or its reason.
QUESTION_STATES = frozenset({"clarification_requested"})
REASON_STATES = frozenset({"declined"})
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
def save_step(application, step, form=None):
    """Save one step of the form, on the locked row and only while it may be edited.

    A step's form writes only its own fields onto the row as it is now, so two officials
    saving different steps at once keep each other's answers, and nothing here ever
    writes the state. The challenges' formset writes its own rows.
    """
    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in EDITABLE_STATES:
        raise NotEditable(_("This application has been submitted; it can no longer be changed."))
    fields = []
    if isinstance(form, forms.BaseModelForm):
        fields = list(form._meta.fields)
        construct_instance(form, locked, fields=fields)
    elif form is not None:
        form.save()
    if step.slug not in locked.steps_saved:
        locked.steps_saved = [*locked.steps_saved, step.slug]
    locked.save(update_fields=[*fields, "steps_saved", "updated_at"])
    application.steps_saved = locked.steps_saved
    return locked


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
    """What the application says now, as [{key, value}] in the form's order: raw values, so that
    versions compare the same whatever language they were submitted in (see `readable`)."""
    from ..steps import STEPS

    content = [{"key": "organisation", "value": application.organisation.name}]
    for step in STEPS:
        if step.form_class is not None:
            for name in step.form_class._meta.fields:
                content.append({"key": name, "value": _text(getattr(application, name))})
        elif step.slug == "challenges":
            for challenge in application.challenges.select_related("area"):
                content.append(
                    {
                        "key": f"challenge-{challenge.pk}",
                        "value": {
                            "area": challenge.area.name,
                            "priority": challenge.priority,
                            "problem_statement": challenge.problem_statement,
                            "affected": challenge.affected,
                            "current_situation": challenge.current_situation,
                        },
                    }
                )
        elif step.slug == "attachments":
            content.append(
                {
                    "key": "attachments",
                    "value": [{"pk": a.pk, "title": a.title} for a in application.attachments.all()],
                }
            )
    return content


def readable(item, number=None):
    """(label, text) of a snapshot item, in the current language."""
    key, value = item["key"], item["value"]
    if key == "organisation":
        return _("Organisation"), value
    if key == "attachments":
        return _("Attachments"), "\n".join(attachment["title"] for attachment in value)
    if key.startswith("challenge-"):
        priority = dict(Priority.choices).get(value["priority"], value["priority"])
        text = "\n".join(
            [
                f"{_('Area')}: {_(value['area'])}",
                f"{_('Priority')}: {priority}",
                f"{_('Problem statement')}: {value['problem_statement']}",
                f"{_('Who is affected')}: {value['affected']}",
                f"{_('Current situation')}: {value['current_situation']}",
            ]
        )
        return (_("Challenge %(number)d") % {"number": number} if number else _("Challenge")), text
    field = SolutionFinderApplication._meta.get_field(key)
    if field.choices and value:
        value = str(dict(field.flatchoices).get(value, value))
    return str(field.verbose_name), value


def readable_content(content):
    """[(label, text)] for a whole snapshot, challenges numbered in order."""
    rows, number = [], 0
    for item in content:
        if item["key"].startswith("challenge-"):
            number += 1
            rows.append(readable(item, number))
        else:
            rows.append(readable(item))
    return rows


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
    """(label, before, after) for each answer that differs between two versions, in the reader's language."""
    before = {item["key"]: item for item in previous.content}
    after = {item["key"]: item for item in version.content}
    differences = []
    for key, item in after.items():
        old = before.get(key)
        if old is None or old["value"] != item["value"]:
            label, new_text = readable(item)
            differences.append((label, readable(old)[1] if old else "", new_text))
    for key, item in before.items():
        if key not in after:
            label, old_text = readable(item)
            differences.append((label, old_text, ""))
    return differences


def versions_with_changes(application):
    """[(version, changes since the previous version or None for the first)], oldest first."""
    versions = list(application.versions.select_related("submitted_by"))
    return [
        (version, changes(version, versions[index - 1]) if index else None)
        for index, version in enumerate(versions)
    ]


def current_note(application):
    """The note of the step that brought the application to its current state (WeGO's question
    when it asks to clarify, its reason when it declines), or ''."""
    from wego.workflow.engine import history

    last = history(application).filter(to_state=application.status).order_by("-created_at").first()
    return last.note if last else ""


def keep_feedback(application, note):
    """Effect of 'give feedback': the note is the preliminary feedback the city reads on its page."""
    application.feedback = note
    application.feedback_at = timezone.now()
    application.save(update_fields=["feedback", "feedback_at", "updated_at"])


@transaction.atomic
def post_message(application, author, *, body, attachment=None):
    """A message in the clarification thread; the other side is told by email."""
    from members.permissions import may_act_for

    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application.pk)
    from_secretariat = is_secretariat(author)
    if not (from_secretariat or may_act_for(author, locked.organisation)):
        raise PermissionDenied
    if locked.status in THREAD_CLOSED_STATES:
        raise NotEditable(_("The thread of this application is closed."))
    message = ThreadMessage.objects.create(
        application=locked,
        author=author,
        from_secretariat=from_secretariat,
        body=body,
        attachment=attachment,
        attachment_name=attachment.name[:200] if attachment else "",
    )
    recipients = officials_of(locked.organisation) if from_secretariat else secretariat_staff()
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
    if locked.introductions.filter(partner=partner).exists():
        raise NotEditable(
            _("%(partner)s has already been proposed for this application.") % {"partner": partner}
        )
    introduction = Introduction.objects.create(
        application=locked, partner=partner, reason=reason, proposed_by=actor
    )
    people = {p.pk: p for p in officials_of(locked.organisation)}
    people.update({p.pk: p for p in officials_of_partner(partner)})
    for person in people.values():
        queue("programs:introduction_proposed", recipient=person, related=introduction)
    return introduction


MAX_ATTACHMENTS = 10


@transaction.atomic
def add_attachment(application, form, user):
    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in EDITABLE_STATES:
        raise NotEditable(_("This application has been submitted; it can no longer be changed."))
    if locked.attachments.count() >= MAX_ATTACHMENTS:
        raise NotEditable(
            _("An application can have %(count)d attachments at most.") % {"count": MAX_ATTACHMENTS}
        )
    attachment = form.save(commit=False)
    attachment.application = locked
    attachment.uploaded_by = user
    attachment.save()
    return attachment


def was_submitted(attachment):
    """Whether a submitted version of the application included this file."""
    return any(
        item["key"] == "attachments" and any(a["pk"] == attachment.pk for a in item["value"])
        for version in attachment.application.versions.all()
        for item in version.content
    )


@transaction.atomic
def remove_attachment(application, attachment):
    """Remove a file added since the last submission; a file WeGO has already received is kept
    with the version it belongs to."""
    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in EDITABLE_STATES:
        raise NotEditable(_("This application has been submitted; it can no longer be changed."))
    if was_submitted(attachment):
        raise NotEditable(
            _(
                "WeGO already received “%(title)s” with a submitted version, so it is kept. "
                "Add a newer file instead."
            )
            % {"title": attachment.title}
        )
    stored = attachment.file
    attachment.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: stored.storage.delete(stored.name), robust=True)
