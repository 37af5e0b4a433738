"""The Project Implementer on the site: the programme and its calls for everyone, and for a city's
officials their proposal, written in steps with drafts, sent, and followed to the decision."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST, require_safe

from organisations.access import organisations_of
from organisations.roles import SECRETARIAT
from reviews.models import Criterion
from reviews.services import notes_for_applicant
from wego.pagecache.pages import public_page
from wego.stepped import SteppedForm
from wego.submissions.once import already_sent, sent
from wego.uploads import download
from wego.workflow import threads
from wego.workflow.definitions import DRAFT, FINAL, PAGE, REVIEW
from wego.workflow.engine import current_note, history_for_applicant, state_for_applicant
from wego.workflow.errors import NotReady
from wego.workflow.forms import ThreadMessageForm
from wego.workflow.requests import post_thread_message, take_step, thread_attachment

from ..forms.implementer import LetterForm, QuestionsForm, StartProposalForm
from ..implementer_steps import BY_SLUG, STEPS, steps_to_complete
from ..implementer_workflow import CALL, EDITABLE, OFFICIAL, PROPOSAL, QUESTION, REASON, RESULTS
from ..models import Beneficiary, ImplementerCall, Proposal
from ..services import implementer as services

FORM = SteppedForm(
    steps=STEPS,
    step_view="programs:proposal-step",
    review_view="programs:proposal-review",
    page_view="programs:proposal",
    editable=lambda proposal: PROPOSAL.has(proposal, EDITABLE),
    not_editable=_lazy("This proposal has been sent; it can no longer be changed."),
    save_step=services.save_step,
    save_draft=services.save_draft,
    template="programs/implementer/step.html",
)

CRITERIA = Prefetch("scorecards__criteria", queryset=Criterion.objects.order_by("position", "pk"))
BENEFICIARIES = Prefetch(
    "selected", queryset=Beneficiary.objects.select_related("organisation__member", "project")
)


def announced_calls():
    return ImplementerCall.objects.announced().prefetch_related(BENEFICIARIES)


@public_page("implementer-calls", "organisations", "members", "projects")
@login_not_required
@require_safe
def programme(request):
    calls = list(announced_calls())
    return render(
        request,
        "programs/implementer/programme.html",
        {
            "current": [call for call in calls if not CALL.has(call, RESULTS)],
            "past": [call for call in calls if CALL.has(call, RESULTS)],
        },
    )


@public_page("implementer-calls", "organisations", "members", "projects")
@login_not_required
@require_safe
def call(request, year):
    call = get_object_or_404(announced_calls().prefetch_related(CRITERIA, "questions"), year=year)
    scorecard = call.scorecard
    context = {
        "call": call,
        "receiving": call.is_receiving(),
        "opened": call.has_opened(),
        "criteria": scorecard.criteria.all() if scorecard else [],
        "results": CALL.has(call, RESULTS),
    }
    if request.user.is_authenticated:
        context.update(proposing_context(request, call))
    return render(request, "programs/implementer/call.html", context)


def proposing_context(request, call, form=None):
    """What a signed-in person needs on the call's page: their organisations' proposals to it, and
    the form to start one for an eligible organisation that has none."""
    user = request.user
    proposals = list(
        Proposal.objects.filter(call=call, organisation__in=organisations_of(user))
        .exclude(PROPOSAL.q(FINAL) & ~PROPOSAL.q(REASON))
        .select_related("organisation")
    )
    form = form or StartProposalForm(user=user, call=call)
    proposing = {proposal.organisation_id for proposal in proposals}
    form.fields["organisation"].queryset = form.fields["organisation"].queryset.exclude(pk__in=proposing)
    return {
        "proposals": [(proposal, state_for_applicant(proposal)) for proposal in proposals],
        "start_form": form,
        "may_start": form.fields["organisation"].queryset.exists(),
    }


@login_not_required
@require_safe
def guidelines(request, year):
    call = get_object_or_404(ImplementerCall.objects.announced(), year=year)
    if not call.guidelines:
        raise Http404
    return download(call.guidelines, _("Guidelines of %(call)s") % {"call": call.title})


@verified_email_required
@require_POST
def start(request, year):
    call = get_object_or_404(ImplementerCall.objects.announced(), year=year)
    form = StartProposalForm(request.POST, user=request.user, call=call)
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect(call.get_absolute_url())
    if answer := already_sent(request):
        return answer
    try:
        proposal = services.start_proposal(
            call, form.cleaned_data["organisation"], request.user, form.cleaned_data["from_application"]
        )
    except NotReady as refusal:
        messages.error(request, str(refusal))
        return redirect(call.get_absolute_url())
    messages.success(
        request,
        _(
            "Each step is saved when you press “Save and continue” or “Save draft”. "
            "Any official of your organisation can continue the proposal."
        ),
    )
    return sent(request, redirect(FORM.step_url(proposal, STEPS[0])))


def proposal_of_city(request, pk):
    """The proposal if this person acts for its organisation, or is the Secretariat and it was sent;
    404 otherwise (never 403: another city's proposal does not exist for them)."""
    proposal = get_object_or_404(Proposal.objects.select_related("organisation", "call"), pk=pk)
    roles = PROPOSAL.roles_of(request.user, proposal)
    if OFFICIAL in roles or (SECRETARIAT in roles and not PROPOSAL.has(proposal, DRAFT)):
        return proposal, roles
    raise Http404


def proposal_of_official(request, pk):
    proposal, roles = proposal_of_city(request, pk)
    if OFFICIAL not in roles:
        raise Http404
    return proposal


@verified_email_required
@require_safe
def continue_proposal(request, pk):
    return FORM.continue_at(request, proposal_of_official(request, pk))


def step_form(proposal, current, data, files):
    if current.slug == "questions":
        return QuestionsForm(data, questions=list(proposal.call.questions.all()))
    if current.slug == "letter":
        return LetterForm(data, files)
    return current.form_class(data, instance=proposal)


@verified_email_required
def step(request, pk, step):
    proposal = proposal_of_official(request, pk)
    current = BY_SLUG.get(step)
    if current is None:
        raise Http404
    if current.slug == "questions" and request.method != "POST" and current.slug not in proposal.drafts:
        # Answers saved complete are shown from the proposal itself.
        form = QuestionsForm(
            initial={key: answer["answer"] for key, answer in proposal.answers.items()},
            questions=list(proposal.call.questions.all()),
        )
        return FORM.page(request, proposal, current, lambda data, files: form, page_context(proposal))
    return FORM.page(
        request,
        proposal,
        current,
        lambda data, files: step_form(proposal, current, data, files),
        page_context(proposal),
    )


def page_context(proposal):
    return {"proposal": proposal, "state": state_for_applicant(proposal), "call": proposal.call}


@verified_email_required
def review(request, pk):
    proposal = proposal_of_official(request, pk)
    missing = steps_to_complete(proposal)
    return render(
        request,
        "programs/implementer/review.html",
        {
            **page_context(proposal),
            **FORM.progress(proposal, incomplete=missing),
            "question": current_note(proposal) if PROPOSAL.has(proposal, QUESTION) else "",
            "content": readable_content(proposal),
            "missing": missing,
            "receiving": proposal.call.is_receiving(),
            "closed_message": proposal.call.closed_message(),
            "steps": [step for step in PROPOSAL.available(proposal, request.user) if step.place == REVIEW],
            "editable": PROPOSAL.has(proposal, EDITABLE),
        },
    )


def readable_content(proposal):
    """[(label, text)] of what the proposal says now."""
    return [proposal.version_item_text(item) for item in proposal.version_content()]


@verified_email_required
@require_safe
def proposal_page(request, pk):
    return render_proposal(request, pk)


def render_proposal(request, pk, message_form=None):
    proposal, roles = proposal_of_city(request, pk)
    official = OFFICIAL in roles
    return render(
        request,
        "programs/implementer/proposal.html",
        {
            **page_context(proposal),
            "is_official": official,
            "editable": PROPOSAL.has(proposal, EDITABLE),
            "question": current_note(proposal) if PROPOSAL.has(proposal, QUESTION) else "",
            "reason": current_note(proposal) if PROPOSAL.has(proposal, REASON) else "",
            "content": readable_content(proposal),
            # Once the call's results are out, the city reads what the reviewers wrote for it.
            "reviewers_notes": (
                notes_for_applicant(proposal.call.scorecard, proposal)
                if CALL.has(proposal.call, RESULTS) and proposal.call.scorecard
                else []
            ),
            "history": history_for_applicant(proposal),
            "steps": [step for step in PROPOSAL.available_for_roles(proposal, roles) if step.place == PAGE],
            "thread": threads.messages_of(proposal),
            "thread_of": proposal.pk,
            "thread_open": threads.is_open(proposal),
            "message_form": message_form or ThreadMessageForm(),
        },
        status=400 if message_form is not None and message_form.errors else 200,
    )


@verified_email_required
@require_POST
def take_step_view(request, pk):
    proposal, roles = proposal_of_city(request, pk)
    return take_step(request, proposal)


@verified_email_required
@require_POST
def post_message(request, pk):
    proposal, roles = proposal_of_city(request, pk)
    form = ThreadMessageForm(request.POST, request.FILES)
    if form.is_valid():
        if answer := already_sent(request):
            return answer
        if post_thread_message(request, proposal, form):
            return sent(request, redirect(f"{proposal.get_absolute_url()}#thread"))
    # What was typed stays in the form, with the reason it was not sent.
    return render_proposal(request, pk, message_form=form)


@require_safe
def letter(request, pk):
    proposal, roles = proposal_of_city(request, pk)
    if not proposal.letter_of_intent:
        raise Http404
    return download(
        proposal.letter_of_intent, _("Letter of intent of %(name)s") % {"name": proposal.organisation}
    )


@require_safe
def message_attachment(request, pk, message):
    proposal, roles = proposal_of_city(request, pk)
    return thread_attachment(proposal, message)
