"""The Smart City Driver's workflows, declared as data.

The Solution Finder follows the annual report's four steps: the city submits its urban
challenges (1); WeGO reviews them, asks for clarifications and gives preliminary feedback (2);
WeGO connects the city with strategic partners (3); the city implements solution packages with
them (4). An introduction between a city and a partner is accepted by both sides before their
contact details are shared. A project shared with the Exchange is moderated before it is public.
"""

from django.utils.translation import gettext_lazy as _

from members.workflow import SECRETARIAT, is_secretariat
from wego.workflow.definitions import State, Transition, Workflow

OFFICIAL = "official"  # confirmed official of the applying organisation
PARTNER = "partner"  # confirmed official of the partner introduced
SUBMITTER = "submitter"  # official of the organisation that shared a project


def officials_of(member):
    from members.models import User

    return list(
        User.objects.filter(
            is_active=True, affiliations__member=member, affiliations__status="approved"
        ).distinct()
    )


def secretariat_staff():
    from members.models import User
    from members.workflow import SECRETARIAT_GROUP

    return list(User.objects.filter(is_active=True, is_staff=True, groups__name=SECRETARIAT_GROUP))


def roles_as_official(user, submission):
    from members.permissions import may_act_for

    roles = set()
    if user is None or not user.is_authenticated:
        return roles
    if may_act_for(user, submission.organisation):
        roles.add(OFFICIAL)
    if is_secretariat(user):
        roles.add(SECRETARIAT)
    return roles


# Solution Finder ------------------------------------------------------------------------------


def tell_city(kind):
    return lambda application, transition: [
        (kind, person) for person in officials_of(application.organisation)
    ]


def tell_city_and_secretariat(application, transition):
    return [
        *tell_city("programs:solution_finder_status")(application, transition),
        *[("programs:solution_finder_submitted", person) for person in secretariat_staff()],
    ]


def take_version(application, *, actor, note):
    from .services.solution_finder import record_version

    record_version(application, actor)


def keep_feedback(application, *, actor, note):
    from .services.solution_finder import keep_feedback as keep

    keep(application, note)


def must_be_complete(application):
    from .services.solution_finder import missing_parts

    missing = missing_parts(application)
    if missing:
        return _("The application is not complete yet: %(parts)s.") % {"parts": ", ".join(map(str, missing))}
    return None


def must_have_connection(application):
    if not application.introductions.filter(status="connected").exists():
        return _("No introduction has been accepted by both the city and the partner yet.")
    return None


def must_have_package(application):
    if not application.packages.exists():
        return _("Define at least one solution package first.")
    return None


tell_solution_finder_city = tell_city("programs:solution_finder_status")


def tell_city_and_reviewers(application, transition):
    """The city; and the Secretariat, once the application has reached it."""
    people = tell_solution_finder_city(application, transition)
    if application.submitted_at is not None:
        people += [("programs:solution_finder_status", person) for person in secretariat_staff()]
    return people


# The city's steps taken from the review page, after it has checked its answers.
SUBMITTING = frozenset({"submit", "resubmit"})

OPEN_FOR_CITY = frozenset(
    {"draft", "submitted", "under_review", "clarification_requested", "resubmitted", "feedback_given"}
)

SOLUTION_FINDER = Workflow(
    name="solution-finder",
    states=(
        State("draft", _("Draft"), _("Draft: not sent yet")),
        State("submitted", _("Submitted"), _("Submitted to WeGO")),
        State("under_review", _("Under review"), _("Being reviewed by WeGO")),
        State("clarification_requested", _("Clarification requested"), _("WeGO asks you to clarify")),
        State("resubmitted", _("Resubmitted"), _("Resubmitted with your clarifications")),
        State("feedback_given", _("Preliminary feedback given"), _("Preliminary feedback from WeGO")),
        State("partners_connected", _("Partners connected"), _("Connected with strategic partners")),
        State("implementing", _("Implementing"), _("Implementing solution packages")),
        State("completed", _("Completed"), _("Completed"), final=True),
        State("declined", _("Declined"), _("Declined"), final=True),
        State("withdrawn", _("Withdrawn"), _("Withdrawn by your organisation"), final=True),
    ),
    transitions=(
        Transition(
            "submit",
            frozenset({"draft"}),
            "submitted",
            staff_label=_("Submit"),
            applicant_label=_("Your organisation submitted the application"),
            roles=frozenset({OFFICIAL}),
            guard=must_be_complete,
            effect=take_version,
            notify=tell_city_and_secretariat,
        ),
        Transition(
            "start_review",
            frozenset({"submitted", "resubmitted"}),
            "under_review",
            staff_label=_("Start review"),
            applicant_label=_("WeGO started reviewing the application"),
            roles=frozenset({SECRETARIAT}),
            notify=tell_solution_finder_city,
        ),
        Transition(
            "request_clarification",
            frozenset({"under_review", "feedback_given"}),
            "clarification_requested",
            staff_label=_("Ask the city to clarify"),
            applicant_label=_("WeGO asked for clarifications"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            notify=tell_solution_finder_city,
        ),
        Transition(
            "resubmit",
            frozenset({"clarification_requested"}),
            "resubmitted",
            staff_label=_("Resubmit"),
            applicant_label=_("Your organisation answered and resubmitted"),
            roles=frozenset({OFFICIAL}),
            guard=must_be_complete,
            effect=take_version,
            notify=tell_city_and_secretariat,
        ),
        Transition(
            "give_feedback",
            frozenset({"under_review"}),
            "feedback_given",
            staff_label=_("Give preliminary feedback"),
            applicant_label=_("WeGO gave its preliminary feedback"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            effect=keep_feedback,
            notify=tell_solution_finder_city,
        ),
        Transition(
            "connect_partners",
            frozenset({"feedback_given"}),
            "partners_connected",
            staff_label=_("Mark partners as connected"),
            applicant_label=_("WeGO connected your organisation with strategic partners"),
            roles=frozenset({SECRETARIAT}),
            guard=must_have_connection,
            notify=tell_solution_finder_city,
        ),
        Transition(
            "start_implementation",
            frozenset({"partners_connected"}),
            "implementing",
            staff_label=_("Start implementing the packages"),
            applicant_label=_("Implementation of the solution packages started"),
            roles=frozenset({OFFICIAL, SECRETARIAT}),
            guard=must_have_package,
            notify=tell_city_and_reviewers,
        ),
        Transition(
            "complete",
            frozenset({"implementing"}),
            "completed",
            staff_label=_("Mark as completed"),
            applicant_label=_("The solution packages were implemented"),
            roles=frozenset({SECRETARIAT}),
            notify=tell_solution_finder_city,
        ),
        Transition(
            "decline",
            frozenset(
                {"submitted", "under_review", "resubmitted", "clarification_requested", "feedback_given"}
            ),
            "declined",
            staff_label=_("Decline"),
            applicant_label=_("WeGO declined the application"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            notify=tell_solution_finder_city,
        ),
        Transition(
            "withdraw",
            OPEN_FOR_CITY | {"partners_connected", "implementing"},
            "withdrawn",
            staff_label=_("Withdraw"),
            applicant_label=_("Your organisation withdrew the application"),
            roles=frozenset({OFFICIAL}),
            confirmation=_("Yes, withdraw this application. This cannot be undone."),
            notify=tell_city_and_reviewers,
        ),
    ),
    initial="draft",
    roles_of=roles_as_official,
)


# Introductions (step 3) ---------------------------------------------------------------------


CITY = "city"


def roles_in_introduction(user, introduction):
    from .permissions import may_act_for_partner

    roles = set()
    if user is None or not user.is_authenticated:
        return roles
    if OFFICIAL in roles_as_official(user, introduction.application):
        roles.add(CITY)
    if may_act_for_partner(user, introduction.partner):
        roles.add(PARTNER)
    if is_secretariat(user):
        roles.add(SECRETARIAT)
    return roles


# WeGO proposes partners, and the two sides answer, while the application is at steps 3 and 4.
INTRODUCING_STATES = frozenset({"feedback_given", "partners_connected", "implementing"})


def application_still_open(introduction):
    if introduction.application.status not in INTRODUCING_STATES:
        return _("This application is closed; the introduction can no longer be answered.")
    return None


def tell_both_sides(introduction, transition):
    from .permissions import officials_of_partner

    people = {p.pk: p for p in officials_of(introduction.application.organisation)}
    people.update({p.pk: p for p in officials_of_partner(introduction.partner)})
    return [("programs:introduction_status", person) for person in people.values()]


INTRODUCTION = Workflow(
    name="introduction",
    states=(
        State("proposed", _("Proposed"), _("Proposed by WeGO: waiting for both sides")),
        State("city_accepted", _("Accepted by the city"), _("Accepted by the city; waiting for the partner")),
        State(
            "partner_accepted",
            _("Accepted by the partner"),
            _("Accepted by the partner; waiting for the city"),
        ),
        State("connected", _("Connected"), _("Connected: contact details shared"), final=True),
        State("declined", _("Declined"), _("Declined"), final=True),
        State("withdrawn", _("Withdrawn"), _("Withdrawn by WeGO"), final=True),
    ),
    transitions=(
        Transition(
            "city_accepts",
            frozenset({"proposed"}),
            "city_accepted",
            staff_label=_("Accept the introduction"),
            applicant_label=_("The city accepted the introduction"),
            roles=frozenset({CITY}),
            guard=application_still_open,
            notify=tell_both_sides,
        ),
        Transition(
            "city_accepts_too",
            frozenset({"partner_accepted"}),
            "connected",
            staff_label=_("Accept the introduction"),
            applicant_label=_("The city accepted too: you are connected"),
            roles=frozenset({CITY}),
            guard=application_still_open,
            notify=tell_both_sides,
        ),
        Transition(
            "partner_accepts",
            frozenset({"proposed"}),
            "partner_accepted",
            staff_label=_("Accept the introduction"),
            applicant_label=_("The partner accepted the introduction"),
            roles=frozenset({PARTNER}),
            guard=application_still_open,
            notify=tell_both_sides,
        ),
        Transition(
            "partner_accepts_too",
            frozenset({"city_accepted"}),
            "connected",
            staff_label=_("Accept the introduction"),
            applicant_label=_("The partner accepted too: you are connected"),
            roles=frozenset({PARTNER}),
            guard=application_still_open,
            notify=tell_both_sides,
        ),
        Transition(
            "city_declines",
            frozenset({"proposed", "partner_accepted"}),
            "declined",
            staff_label=_("Decline the introduction"),
            applicant_label=_("The city declined the introduction"),
            roles=frozenset({CITY}),
            guard=application_still_open,
            notify=tell_both_sides,
        ),
        Transition(
            "partner_declines",
            frozenset({"proposed", "city_accepted"}),
            "declined",
            staff_label=_("Decline the introduction"),
            applicant_label=_("The partner declined the introduction"),
            roles=frozenset({PARTNER}),
            guard=application_still_open,
            notify=tell_both_sides,
        ),
        Transition(
            "withdraw",
            frozenset({"proposed", "city_accepted", "partner_accepted"}),
            "withdrawn",
            staff_label=_("Withdraw the proposal"),
            applicant_label=_("WeGO withdrew the proposal"),
            roles=frozenset({SECRETARIAT}),
            notify=tell_both_sides,
        ),
    ),
    initial="proposed",
    roles_of=roles_in_introduction,
)


# Projects shared with the Exchange ------------------------------------------------------------


def roles_in_shared_project(user, project):
    from members.permissions import may_act_for

    roles = set()
    if user is None or not user.is_authenticated:
        return roles
    if project.organisation_id and may_act_for(user, project.organisation):
        roles.add(SUBMITTER)
    if is_secretariat(user):
        roles.add(SECRETARIAT)
    return roles


def tell_sharer(project, transition):
    return [("programs:project_status", project.shared_by)] if project.shared_by_id else []


def tell_secretariat_of_project(project, transition):
    return [("programs:project_shared", person) for person in secretariat_staff()]


def mark_published(project, *, actor, note):
    from .services.exchange import mark_published as mark

    mark(project)


PROJECT_SHARING = Workflow(
    name="exchange-project",
    states=(
        State("submitted", _("Submitted"), _("Waiting for the Secretariat to publish it")),
        State("returned", _("Returned with comments"), _("Returned to you with comments")),
        State("published", _("Published"), _("Published in the Exchange")),
        State("unpublished", _("Unpublished"), _("Taken out of the Exchange")),
    ),
    transitions=(
        Transition(
            "publish",
            frozenset({"submitted", "unpublished"}),
            "published",
            staff_label=_("Publish"),
            applicant_label=_("The Secretariat published the project in the Exchange"),
            roles=frozenset({SECRETARIAT}),
            effect=mark_published,
            notify=tell_sharer,
        ),
        Transition(
            "return",
            frozenset({"submitted"}),
            "returned",
            staff_label=_("Return with comments"),
            applicant_label=_("The Secretariat returned the project with comments"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            notify=tell_sharer,
        ),
        Transition(
            "resubmit",
            frozenset({"returned"}),
            "submitted",
            staff_label=_("Submit again"),
            applicant_label=_("You submitted the project again"),
            roles=frozenset({SUBMITTER}),
            notify=tell_secretariat_of_project,
        ),
        Transition(
            "unpublish",
            frozenset({"published"}),
            "unpublished",
            staff_label=_("Take out of the Exchange"),
            applicant_label=_("The Secretariat took the project out of the Exchange"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            notify=tell_sharer,
        ),
    ),
    initial="submitted",
    roles_of=roles_in_shared_project,
)
