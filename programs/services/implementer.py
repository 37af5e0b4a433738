"""The Project Implementer's domain actions: a call made ready, proposals drafted and sent, the
results released. Every refusal raises NotEditable or NotReady with a message for the person."""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from organisations.access import acts_for
from reviews.services import scorecard_of
from wego.drafts import (
    copied_back,
    forget_draft,
    keep_draft,
    locked_while,
    mark_saved,
    save_as_draft,
    save_complete,
)
from wego.workflow.engine import perform, start
from wego.workflow.errors import NotReady
from wego.workflow.models import TransitionRecord

from ..implementer_workflow import DECIDED, EDITABLE, PROPOSAL, RELEASING
from ..models import Beneficiary, Proposal
from ..models.implementer import seoul_today

# What WeGO's feasibility programme judged: offered on every new call, for staff to weigh or change
# while the call is prepared.
DEFAULT_CRITERIA = (
    gettext_noop("Commitment of the city"),
    gettext_noop("Alignment with the national strategy"),
    gettext_noop("Willingness to partner"),
    gettext_noop("Sustainability"),
    gettext_noop("Commitment after the project"),
)


def scorecard_for(call):
    """The call's scorecard, made with the usual criteria the first time it is asked for."""
    return scorecard_of(
        call, title=_("Proposals to %(call)s") % {"call": call.title}, criteria=DEFAULT_CRITERIA
    )


def eligibility_refusal(call, organisation, user):
    """Why `user` may not propose for `organisation` to `call` now, or None."""
    if not acts_for(user, organisation.pk):
        return _("You do not act for %(name)s.") % {"name": organisation.name}
    if not call.may_propose(organisation):
        return _("%(name)s is not eligible for this call: %(who)s may propose.") % {
            "name": organisation.name,
            "who": call.get_eligibility_display(),
        }
    if not call.is_receiving():
        return call.closed_message()
    return None


def start_proposal(call, organisation, user, from_application=None):
    """A draft proposal of `organisation` to `call`, its first answers taken from a Solution Finder
    application of the same organisation when one is given (Discover: one description, two uses)."""
    if refusal := eligibility_refusal(call, organisation, user):
        raise NotReady(refusal)
    if from_application is not None and from_application.organisation_id != organisation.pk:
        raise NotReady(_("Choose an application of the organisation that proposes."))
    proposal = Proposal(
        call=call, organisation=organisation, started_by=user, from_application=from_application
    )
    if from_application is not None:
        copy_from_application(proposal, from_application)
    try:
        with transaction.atomic():
            start(proposal, "start", actor=user)
            if from_application is not None:
                proposal.areas.set({challenge.area_id for challenge in from_application.challenges.all()})
    except IntegrityError:
        raise NotReady(
            _("%(name)s has a proposal for this call already: continue that one.")
            % {"name": organisation.name}
        ) from None
    return proposal


def copy_from_application(proposal, application):
    """The answers a Solution Finder application already gives, in the proposal's words."""
    challenges = application.challenges.select_related("area")
    proposal.problem = "\n\n".join(
        f"{challenge.area}: {challenge.problem_statement}" for challenge in challenges
    )[: Proposal._meta.get_field("problem").max_length]
    proposal.objectives = application.goals
    proposal.expected_outcomes = application.expected_outcomes
    proposal.co_funding = application.funding_sources[: Proposal._meta.get_field("co_funding").max_length]
    proposal.start_by = application.start_by
    proposal.duration_months = application.duration_months
    proposal.timeline = application.timeline_notes
    proposal.stakeholders = application.partners_involved


def _locked_while_editable(proposal):
    return locked_while(proposal, EDITABLE, _("This proposal has been sent; it can no longer be changed."))


def _copied_back(proposal, locked):
    return copied_back(proposal, locked, "answers", "letter_of_intent")


@transaction.atomic
def save_step(proposal, step, form=None):
    """Save a complete step on the locked row, while the proposal may be edited. After the call's
    closing moment a step is still kept: only sending is refused then."""
    locked = _locked_while_editable(proposal)
    if step.slug == "questions":
        locked.answers = form.answers()
        forget_draft(locked, step)
        mark_saved(locked, step, ["answers"])
    elif step.slug == "letter":
        locked.letter_of_intent = form.cleaned_data["letter_of_intent"]
        forget_draft(locked, step)
        mark_saved(locked, step, ["letter_of_intent"])
    else:
        save_complete(locked, step, form)
    return _copied_back(proposal, locked)


@transaction.atomic
def save_draft(proposal, step, form):
    """Keep what was typed in a step that is not complete yet (wego/drafts.py); of the call's
    questions, the answers that validated are written too."""
    locked = _locked_while_editable(proposal)
    if step.slug == "questions":
        keep_draft(locked, step, form)
        locked.answers = form.answers()
        mark_saved(locked, step, ["answers"])
    elif step.slug == "letter":
        # A file is either sent whole or not at all: there is nothing typed to keep, and the letter
        # already attached, if any, stays.
        mark_saved(locked, step, [])
    else:
        save_as_draft(locked, step, form)
    return _copied_back(proposal, locked)


@transaction.atomic
def release(call, *, actor):
    """Tell every city of the call the decision recorded on its proposal, at once: part of the call's
    step "release the results", in its transaction. A city not selected reads the word staff wrote
    when they decided."""
    decided = list(
        Proposal.objects.filter(call=call).filter(PROPOSAL.q(DECIDED)).select_related("organisation")
    )
    for proposal in decided:
        # The one step the release may take from the decision recorded (RELEASING: the call's role).
        [step] = PROPOSAL.available_for_roles(proposal, {RELEASING})
        # What staff wrote when they decided ("pass over" asks for a word for the city) goes with it.
        note = decision_note(proposal)
        perform(proposal, step.name, actor=actor, note=note)


def record_beneficiary(proposal):
    """The effect of telling a city it is selected: it is one of the call's beneficiaries."""
    Beneficiary.objects.get_or_create(
        call_id=proposal.call_id,
        organisation_id=proposal.organisation_id,
        defaults={"proposal": proposal, "selected_in": seoul_today()},
    )


def decision_note(proposal):
    """The note staff wrote when they recorded the decision now released."""
    record = (
        TransitionRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(Proposal),
            object_id=proposal.pk,
            to_state=proposal.status,
        )
        .order_by("-pk")
        .first()
    )
    return record.note if record else ""
