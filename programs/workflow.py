"""The Smart City Driver's workflows, declared as data.

The Solution Finder follows the annual report's four steps: the city submits its urban
challenges (1); WeGO reviews them, asks for clarifications and gives preliminary feedback (2);
WeGO connects the city with strategic partners (3); the city implements solution packages with
them (4). An introduction between a city and a partner is accepted by both sides before their
contact details are shared. A project shared with the Exchange is moderated before it is public.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.access import acts_for
from organisations.roles import (
    SECRETARIAT,
    officials,
    person,
    roles_of_officials,
    secretariat_staff,
    staff_roles,
)
from organisations.services import confirm
from organisations.staff import secretariat
from wego.workflow.definitions import (
    AWAITING,
    DRAFT,
    FINAL,
    NEW,
    REVIEW,
    Audience,
    Thread,
    Transition,
    Workflow,
    state,
)
from wego.workflow.versions import record_version

OFFICIAL = "official"  # confirmed official of the applying organisation
PARTNER = "partner"  # confirmed official of the partner introduced
CITY = "city"  # in an introduction: an official of the city's organisation
SUBMITTER = "submitter"  # official of the organisation that shared a project


# Solution Finder ------------------------------------------------------------------------------

# What the Solution Finder's states mean.
EDITABLE = "editable"  # the city may change its answers
THREAD_OPEN = "thread_open"  # the city and the Secretariat write to each other
PROPOSING = "proposing"  # WeGO proposes partners, and the two sides answer the introductions
PACKAGES = "packages"  # solution packages and their Plans may change
PACKAGES_REMOVABLE = "packages_removable"  # a package may still be deleted
READINGS = "readings"  # the Plans' indicators may be given new values
PUBLISHABLE = "publishable"  # the packages may go to the Exchange
QUESTION = "question"  # the city reads WeGO's question (the note of the step that led here)
REASON = "reason"  # the city reads why WeGO declined (the note of the step that led here)


def take_version(application, *, actor, note):
    """Keep what was submitted, numbered; the first submission's time is remembered."""
    record_version(application, actor=actor)
    if application.submitted_at is None:
        application.submitted_at = timezone.now()
        application.save(update_fields=["submitted_at", "updated_at"])


def remember(field):
    """An effect that keeps when the step happened in `field` (the start of implementation, completion)."""

    def effect(application, *, actor, note):
        setattr(application, field, timezone.now())
        application.save(update_fields=[field, "updated_at"])

    return effect


def keep_feedback(application, *, actor, note):
    """The note of 'give feedback' is the preliminary feedback the city reads on its page."""
    application.feedback = note
    application.feedback_at = timezone.now()
    application.save(update_fields=["feedback", "feedback_at", "updated_at"])


def must_be_complete(application):
    from .services.solution_finder import missing_parts

    missing = missing_parts(application)
    if missing:
        return _("The application is not complete yet: %(parts)s.") % {"parts": ", ".join(map(str, missing))}
    return None


def must_have_connection(application):
    if not application.introductions.filter(INTRODUCTION.q(CONNECTED)).exists():
        return _("No introduction has been accepted by both the city and the partner yet.")
    return None


def must_have_package(application):
    if not application.packages.exists():
        return _("Define at least one solution package first.")
    return None


OPEN_FOR_CITY = frozenset(
    {"draft", "submitted", "under_review", "clarification_requested", "resubmitted", "feedback_given"}
)

SOLUTION_FINDER = Workflow(
    name="solution-finder",
    verbose_name=_("Solution Finder application"),
    title=lambda application: (
        _("Solution Finder application of %(name)s") % {"name": application.organisation.name}
    ),
    flags={
        EDITABLE: "The city may change its answers.",
        THREAD_OPEN: "The city and the Secretariat write to each other.",
        PROPOSING: "WeGO proposes partners; the city and the partners answer the introductions.",
        PACKAGES: "Solution packages and their Plans may change.",
        PACKAGES_REMOVABLE: "A solution package may still be deleted.",
        READINGS: "The Plans' indicators may be given new values.",
        PUBLISHABLE: "The solution packages may go to the Exchange.",
        QUESTION: "The city reads WeGO's question.",
        REASON: "The city reads why WeGO declined the application.",
    },
    audiences={
        "city": officials(lambda application: application.organisation_id),
        # The Secretariat, once the application has reached it (never for a draft).
        "secretariat": Audience(
            lambda application: secretariat() if application.submitted_at else [], staff=True
        ),
    },
    thread=Thread(
        staff_role=SECRETARIAT,
        submitter_role=OFFICIAL,
        staff_audience="secretariat",
        submitter_audience="city",
    ),
    states=(
        state("draft", _("Draft"), _("Draft: not sent yet"), DRAFT, EDITABLE),
        state("submitted", _("Submitted"), _("Submitted to WeGO"), AWAITING, THREAD_OPEN),
        state("under_review", _("Under review"), _("Being reviewed by WeGO"), AWAITING, THREAD_OPEN),
        state(
            "clarification_requested",
            _("Clarification requested"),
            _("WeGO asks you to clarify"),
            EDITABLE,
            THREAD_OPEN,
            QUESTION,
        ),
        state(
            "resubmitted", _("Resubmitted"), _("Resubmitted with your clarifications"), AWAITING, THREAD_OPEN
        ),
        state(
            "feedback_given",
            _("Preliminary feedback given"),
            _("Preliminary feedback from WeGO"),
            AWAITING,
            THREAD_OPEN,
            PROPOSING,
        ),
        state(
            "partners_connected",
            _("Partners connected"),
            _("Connected with strategic partners"),
            THREAD_OPEN,
            PROPOSING,
            PACKAGES,
            PACKAGES_REMOVABLE,
            READINGS,
        ),
        state(
            "implementing",
            _("Implementing"),
            _("Implementing solution packages"),
            THREAD_OPEN,
            PROPOSING,
            PACKAGES,
            READINGS,
        ),
        state("completed", _("Completed"), _("Completed"), FINAL, READINGS, PUBLISHABLE),
        state("declined", _("Declined"), _("Declined"), FINAL, REASON),
        state("withdrawn", _("Withdrawn"), _("Withdrawn by your organisation"), FINAL),
    ),
    transitions=(
        Transition(
            "start",
            frozenset({NEW}),
            "draft",
            staff_label=_("Start an application"),
            applicant_label=_("Your organisation started the application"),
            roles=frozenset({OFFICIAL}),
        ),
        Transition(
            "submit",
            frozenset({"draft"}),
            "submitted",
            staff_label=_("Submit the application"),
            applicant_label=_("Your organisation submitted the application"),
            subject=_("We received the Solution Finder application of %(name)s"),
            roles=frozenset({OFFICIAL}),
            guard=must_be_complete,
            effect=take_version,
            notify=("city", "secretariat"),
            staff_notice=_("A new Solution Finder application: review it."),
            place=REVIEW,
        ),
        Transition(
            "start_review",
            frozenset({"submitted", "resubmitted"}),
            "under_review",
            staff_label=_("Start review"),
            applicant_label=_("WeGO started reviewing the application"),
            subject=_("WeGO is reviewing the Solution Finder application of %(name)s"),
            roles=frozenset({SECRETARIAT}),
            notify=("city",),
        ),
        Transition(
            "request_clarification",
            frozenset({"under_review", "feedback_given"}),
            "clarification_requested",
            staff_label=_("Ask the city to clarify"),
            applicant_label=_("WeGO asked for clarifications"),
            subject=_("WeGO asks %(name)s to clarify its Solution Finder application"),
            roles=frozenset({SECRETARIAT}),
            sends_back=True,
            note_required=True,
            note_heading=_("WeGO asks:"),
            notify=("city",),
        ),
        Transition(
            "resubmit",
            frozenset({"clarification_requested"}),
            "resubmitted",
            staff_label=_("Resubmit the application"),
            applicant_label=_("Your organisation answered and resubmitted"),
            subject=_("We received the clarifications on the Solution Finder application of %(name)s"),
            roles=frozenset({OFFICIAL}),
            guard=must_be_complete,
            effect=take_version,
            note_label=_("What you clarified (WeGO reads it with the new version)"),
            notify=("city", "secretariat"),
            staff_notice=_("The city answered your clarification request and resubmitted: see what changed."),
            place=REVIEW,
        ),
        Transition(
            "give_feedback",
            frozenset({"under_review"}),
            "feedback_given",
            staff_label=_("Give preliminary feedback"),
            applicant_label=_("WeGO gave its preliminary feedback"),
            subject=_("WeGO gave its preliminary feedback on the Solution Finder application of %(name)s"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            note_heading=_("WeGO's preliminary feedback:"),
            effect=keep_feedback,
            notify=("city",),
        ),
        Transition(
            "connect_partners",
            frozenset({"feedback_given"}),
            "partners_connected",
            staff_label=_("Mark partners as connected"),
            applicant_label=_("WeGO connected your organisation with strategic partners"),
            subject=_("%(name)s is connected with strategic partners in the Solution Finder"),
            roles=frozenset({SECRETARIAT}),
            guard=must_have_connection,
            notify=("city",),
        ),
        Transition(
            "start_implementation",
            frozenset({"partners_connected"}),
            "implementing",
            staff_label=_("Start implementing the packages"),
            applicant_label=_("Implementation of the solution packages started"),
            subject=_("%(name)s started implementing its solution packages"),
            roles=frozenset({OFFICIAL, SECRETARIAT}),
            guard=must_have_package,
            effect=remember("implementing_since"),
            notify=("city", "secretariat"),
            staff_notice=_("Implementation of the solution packages started."),
        ),
        Transition(
            "complete",
            frozenset({"implementing"}),
            "completed",
            staff_label=_("Mark as completed"),
            applicant_label=_("The solution packages were implemented"),
            subject=_("The Solution Finder application of %(name)s is completed"),
            roles=frozenset({SECRETARIAT}),
            effect=remember("completed_at"),
            notify=("city",),
        ),
        Transition(
            "decline",
            frozenset(
                {"submitted", "under_review", "resubmitted", "clarification_requested", "feedback_given"}
            ),
            "declined",
            staff_label=_("Decline"),
            applicant_label=_("WeGO declined the application"),
            subject=_("WeGO declined the Solution Finder application of %(name)s"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            note_heading=_("Why:"),
            notify=("city",),
            dangerous=True,
        ),
        Transition(
            "withdraw",
            OPEN_FOR_CITY | {"partners_connected", "implementing"},
            "withdrawn",
            staff_label=_("Withdraw"),
            applicant_label=_("Your organisation withdrew the application"),
            subject=_("%(name)s withdrew its Solution Finder application"),
            roles=frozenset({OFFICIAL}),
            confirmation=_("Yes, withdraw this application. This cannot be undone."),
            notify=("city", "secretariat"),
            staff_notice=_("The city withdrew its application."),
            dangerous=True,
        ),
    ),
    initial="draft",
    roles_of=roles_of_officials("organisation", OFFICIAL),
    name_of=lambda application: application.organisation.name,
)


# Introductions (step 3) ---------------------------------------------------------------------

LIVE = "live"  # the partner sees the city's application
CONNECTED = "connected"  # both accepted: contact details are shared, the partner may join packages


def roles_in_introduction(user, introduction):
    if user is None or not user.is_authenticated:
        return set()
    roles = staff_roles(user)
    if acts_for(user, introduction.application.organisation_id):
        roles.add(CITY)
    # A partner is the profile of its organisation, under the same key.
    if acts_for(user, introduction.partner_id):
        roles.add(PARTNER)
    return roles


def application_still_open(introduction):
    if not SOLUTION_FINDER.has(introduction.application, PROPOSING):
        return _("This application is closed; the introduction can no longer be answered.")
    return None


def introduction_page(introduction):
    return reverse("programs:application", args=[introduction.application_id])


INTRODUCTION = Workflow(
    name="introduction",
    verbose_name=_("Introduction"),
    title=lambda introduction: (
        _("Introduction of %(city)s and %(partner)s")
        % {"city": introduction.application.organisation.name, "partner": introduction.partner.name}
    ),
    flags={
        LIVE: "The partner sees the city's application.",
        CONNECTED: "Both sides accepted: their contact details are shared.",
    },
    audiences={
        "city": officials(
            lambda introduction: introduction.application.organisation_id, link=introduction_page
        ),
        "partner": officials(lambda introduction: introduction.partner_id, link=introduction_page),
    },
    states=(
        state("proposed", _("Proposed"), _("Proposed by WeGO: waiting for both sides"), LIVE),
        state(
            "city_accepted",
            _("Accepted by the city"),
            _("Accepted by the city; waiting for the partner"),
            LIVE,
        ),
        state(
            "partner_accepted",
            _("Accepted by the partner"),
            _("Accepted by the partner; waiting for the city"),
            LIVE,
        ),
        state("connected", _("Connected"), _("Connected: contact details shared"), LIVE, CONNECTED, FINAL),
        state("declined", _("Declined"), _("Declined"), FINAL),
        state("withdrawn", _("Withdrawn"), _("Withdrawn by WeGO"), FINAL),
    ),
    transitions=(
        Transition(
            "propose",
            frozenset({NEW}),
            "proposed",
            staff_label=_("Propose this partner"),
            applicant_label=_("WeGO proposed the introduction"),
            subject=_("WeGO proposes to introduce %(name)s to each other"),
            roles=frozenset({SECRETARIAT}),
            note_heading=_("Why this partner:"),
            notify=("city", "partner"),
        ),
        Transition(
            "city_accepts",
            frozenset({"proposed"}),
            "city_accepted",
            staff_label=_("Accept the introduction"),
            applicant_label=_("The city accepted the introduction"),
            subject=_("The city accepted the introduction of %(name)s; the partner has yet to answer"),
            roles=frozenset({CITY}),
            guard=application_still_open,
            notify=("city", "partner"),
        ),
        Transition(
            "city_accepts_too",
            frozenset({"partner_accepted"}),
            "connected",
            staff_label=_("Accept the introduction"),
            applicant_label=_("The city accepted too: you are connected"),
            subject=_("%(name)s are connected: contact details are shared"),
            roles=frozenset({CITY}),
            guard=application_still_open,
            notify=("city", "partner"),
        ),
        Transition(
            "partner_accepts",
            frozenset({"proposed"}),
            "partner_accepted",
            staff_label=_("Accept the introduction"),
            applicant_label=_("The partner accepted the introduction"),
            subject=_("The partner accepted the introduction of %(name)s; the city has yet to answer"),
            roles=frozenset({PARTNER}),
            guard=application_still_open,
            notify=("city", "partner"),
        ),
        Transition(
            "partner_accepts_too",
            frozenset({"city_accepted"}),
            "connected",
            staff_label=_("Accept the introduction"),
            applicant_label=_("The partner accepted too: you are connected"),
            subject=_("%(name)s are connected: contact details are shared"),
            roles=frozenset({PARTNER}),
            guard=application_still_open,
            notify=("city", "partner"),
        ),
        Transition(
            "city_declines",
            frozenset({"proposed", "partner_accepted"}),
            "declined",
            staff_label=_("Decline the introduction"),
            applicant_label=_("The city declined the introduction"),
            subject=_("The city declined the introduction of %(name)s"),
            roles=frozenset({CITY}),
            guard=application_still_open,
            notify=("city", "partner"),
            dangerous=True,
        ),
        Transition(
            "partner_declines",
            frozenset({"proposed", "city_accepted"}),
            "declined",
            staff_label=_("Decline the introduction"),
            applicant_label=_("The partner declined the introduction"),
            subject=_("The partner declined the introduction of %(name)s"),
            roles=frozenset({PARTNER}),
            guard=application_still_open,
            notify=("city", "partner"),
            dangerous=True,
        ),
        Transition(
            "withdraw",
            frozenset({"proposed", "city_accepted", "partner_accepted"}),
            "withdrawn",
            staff_label=_("Withdraw the proposal"),
            applicant_label=_("WeGO withdrew the proposal"),
            subject=_("WeGO withdrew the introduction of %(name)s"),
            roles=frozenset({SECRETARIAT}),
            notify=("city", "partner"),
            dangerous=True,
        ),
    ),
    initial="proposed",
    roles_of=roles_in_introduction,
    name_of=lambda introduction: (
        _("%(city)s and %(partner)s")
        % {"city": introduction.application.organisation.name, "partner": introduction.partner.name}
    ),
)


# Projects shared with the Exchange ------------------------------------------------------------

PUBLIC = "public"  # in the catalogue, for everyone
CORRECTABLE = "correctable"  # returned: the sharing organisation may correct it


def mark_published(project, *, actor, note):
    """Remember when the project first went public; the city it names is confirmed with it."""
    if project.published_at is None:
        project.published_at = timezone.now()
        project.save(update_fields=["published_at", "updated_at"])
    confirm(project.city)


def shared_page(project):
    return reverse("programs:exchange-shared", args=[project.pk])


PROJECT_SHARING = Workflow(
    name="exchange-project",
    verbose_name=_("Exchange project"),
    title=lambda project: _("The Exchange project “%(title)s”") % {"title": project.title},
    flags={
        PUBLIC: "In the Exchange's public catalogue.",
        CORRECTABLE: "Returned: the organisation that shared it may correct it.",
    },
    audiences={"sharer": person("shared_by", link=shared_page), "secretariat": secretariat_staff()},
    states=(
        state("submitted", _("Submitted"), _("Waiting for the Secretariat to publish it"), AWAITING),
        state("returned", _("Returned with comments"), _("Returned to you with comments"), CORRECTABLE),
        state("published", _("Published"), _("Published in the Exchange"), PUBLIC),
        state("unpublished", _("Unpublished"), _("Taken out of the Exchange")),
    ),
    transitions=(
        Transition(
            "share",
            frozenset({NEW}),
            "submitted",
            staff_label=_("Share the project"),
            applicant_label=_("Shared with the Exchange"),
            roles=frozenset({SUBMITTER}),
            notify=("secretariat",),
            staff_notice=_("A project was shared with the Exchange: publish it, or return it with comments."),
        ),
        Transition(
            "add",
            frozenset({NEW}),
            "submitted",
            staff_label=_("Add the project"),
            applicant_label=_("Added by the Secretariat"),
            roles=frozenset({SECRETARIAT}),
        ),
        Transition(
            "publish",
            frozenset({"submitted", "unpublished"}),
            "published",
            staff_label=_("Publish"),
            applicant_label=_("The Secretariat published the project in the Exchange"),
            subject=_("Your project “%(name)s” is published in the Exchange"),
            roles=frozenset({SECRETARIAT}),
            effect=mark_published,
            notify=("sharer",),
        ),
        Transition(
            "return",
            frozenset({"submitted"}),
            "returned",
            staff_label=_("Return with comments"),
            applicant_label=_("The Secretariat returned the project with comments"),
            subject=_("Your project “%(name)s” is returned with comments"),
            roles=frozenset({SECRETARIAT}),
            sends_back=True,
            note_required=True,
            note_heading=_("Comments from the Secretariat:"),
            notify=("sharer",),
        ),
        Transition(
            "resubmit",
            frozenset({"returned"}),
            "submitted",
            staff_label=_("Submit again"),
            applicant_label=_("You submitted the project again"),
            roles=frozenset({SUBMITTER}),
            note_label=_("A note for the Secretariat (optional)"),
            note_heading=_("Their note:"),
            notify=("secretariat",),
            staff_notice=_("The project was corrected and submitted to the Exchange again."),
        ),
        Transition(
            "unpublish",
            frozenset({"published"}),
            "unpublished",
            staff_label=_("Take out of the Exchange"),
            applicant_label=_("The Secretariat took the project out of the Exchange"),
            subject=_("Your project “%(name)s” was taken out of the Exchange"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            notify=("sharer",),
            dangerous=True,
        ),
    ),
    initial="submitted",
    roles_of=roles_of_officials("organisation", SUBMITTER),
    name_of=lambda project: project.title,
)
