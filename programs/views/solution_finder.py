"""The Solution Finder on the site: the city's multi-step application, its page, the thread,
introductions to partners and, from the city's side, the solution packages."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST, require_safe

from organisations.access import organisations_of
from organisations.forms import MemberOrganisationForm
from organisations.roles import SECRETARIAT
from organisations.staff import is_secretariat
from wego.drafts import step_before
from wego.pagecache import content
from wego.pagecache.fragments import render_kept_for_person
from wego.pagecache.pages import public_page
from wego.stepped import SteppedForm
from wego.submissions.once import already_sent, sent
from wego.uploads import download
from wego.workflow import threads
from wego.workflow.definitions import PAGE, REVIEW
from wego.workflow.engine import current_note, history_for_applicant, state_for_applicant
from wego.workflow.forms import ThreadMessageForm
from wego.workflow.requests import post_thread_message, take_posted_step, take_step, thread_attachment

from ..forms.solution_finder import AttachmentForm, challenge_formset
from ..models import PARTNERS_BY_NAME, Introduction, SolutionFinderApplication
from ..permissions import is_official, live_introductions_of, may_open, partners_of, visible_applications
from ..services import solution_finder as services
from ..steps import BY_SLUG, STEPS, steps_to_complete
from ..workflow import (
    CITY,
    DRAFT,
    EDITABLE,
    INTRODUCTION,
    OFFICIAL,
    PACKAGES,
    PARTNER,
    PROPOSING,
    QUESTION,
    REASON,
    SOLUTION_FINDER,
)


def application_for(request, pk):
    """The application if this person may open it at all; 404 otherwise."""
    return get_object_or_404(visible_applications(request.user).select_related("organisation"), pk=pk)


def application_of_city(request, pk):
    """The application if this person is an official of its organisation or the Secretariat (not a
    partner merely introduced to it); 404 otherwise."""
    application = application_for(request, pk)
    if not (is_official(request.user, application) or is_secretariat(request.user)):
        raise Http404
    return application


def editable_by_official(request, pk):
    application = application_for(request, pk)
    if not is_official(request.user, application):
        raise Http404
    return application


@public_page("areas")
@login_not_required
@require_safe
def landing(request):
    user = request.user
    context = {"steps": STEPS}
    if user.is_authenticated:
        context.update(
            {
                "applications": [
                    (application, state_for_applicant(application), SOLUTION_FINDER.has(application, DRAFT))
                    for application in SolutionFinderApplication.objects.filter(
                        organisation__in=organisations_of(user)
                    ).select_related("organisation")
                ],
                "introductions": [
                    (introduction, INTRODUCTION.current(introduction))
                    for introduction in live_introductions_of(user).select_related(
                        "application__organisation", "partner__organisation"
                    )
                ],
                "start_form": (start_form := MemberOrganisationForm(user=user)),
                "has_organisation": start_form.fields["organisation"].queryset.exists(),
            }
        )
    return render(request, "programs/solution_finder/landing.html", context)


@verified_email_required
@require_POST
def start(request):
    form = MemberOrganisationForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["organisation"]))
        return redirect("programs:solution-finder")
    if answer := already_sent(request):
        return answer
    application = services.start_application(form.cleaned_data["organisation"], request.user)
    messages.success(
        request,
        _(
            "Each step is saved when you press “Save and continue” or “Save draft”. "
            "Any official of your organisation can continue the application."
        ),
    )
    return sent(request, redirect("programs:application-step", pk=application.pk, step=STEPS[0].slug))


FORM = SteppedForm(
    steps=STEPS,
    step_view="programs:application-step",
    review_view="programs:application-review",
    page_view="programs:application",
    editable=lambda application: SOLUTION_FINDER.has(application, EDITABLE),
    not_editable=_lazy("This application has been submitted; it can no longer be changed."),
    save_step=services.save_step,
    save_draft=services.save_draft,
    template="programs/solution_finder/step.html",
)


def progress(application, current=None, incomplete=None):
    return FORM.progress(application, current, incomplete)


@verified_email_required
@require_safe
def continue_application(request, pk):
    return FORM.continue_at(request, editable_by_official(request, pk))


def step_form(application, current, data):
    if current.slug == "challenges":
        return challenge_formset(application)(data, instance=application, prefix="challenges")
    return current.form_class(data, instance=application)


@verified_email_required
def step(request, pk, step):
    application = editable_by_official(request, pk)
    current = BY_SLUG.get(step)
    if current is None:
        raise Http404
    if current.slug == "attachments" and FORM.editable(application):
        return attachments(request, application, current)
    if request.method == "POST" and "add_another" in request.POST:
        form = step_form(application, current, request.POST)
        if form.is_valid():
            return FORM.saved_complete(
                request, application, current, form, again_message=_("Saved. Add another challenge below.")
            )
    return FORM.page(
        request,
        application,
        current,
        lambda data, files: step_form(application, current, data),
        {"application": application, "state": state_for_applicant(application)},
    )


def attachments(request, application, current):
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if answer := already_sent(request):
            return answer
        try:
            services.add_attachment(application, form, request.user)
            services.save_step(application, current)
        except services.NotEditable as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Attached: %(title)s.") % {"title": form.cleaned_data["title"]})
            return sent(request, redirect("programs:application-step", pk=application.pk, step=current.slug))
    return render(
        request,
        "programs/solution_finder/attachments.html",
        {
            "application": application,
            "step": current,
            "number": STEPS.index(current) + 1,
            "total": len(STEPS),
            **progress(application, current),
            "form": form,
            "attachments": application.attachments.all(),
            "state": state_for_applicant(application),
            "previous": step_before(STEPS, current),
        },
    )


@verified_email_required
@require_POST
def remove_attachment(request, pk, attachment):
    application = editable_by_official(request, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment)
    try:
        services.remove_attachment(application, attachment)
    except services.NotEditable as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Removed: %(title)s.") % {"title": attachment.title})
    return redirect("programs:application-step", pk=application.pk, step="attachments")


@verified_email_required
@require_POST
def mark_attachments_done(request, pk):
    """The attachments step is optional: continuing without any still counts as having seen it."""
    application = editable_by_official(request, pk)
    try:
        services.save_step(application, BY_SLUG["attachments"])
    except services.NotEditable as refusal:
        messages.error(request, str(refusal))
        return redirect("programs:application", pk=application.pk)
    return redirect("programs:application-review", pk=application.pk)


def readable_content(application):
    """[(label, text)] of what the application says now, challenges numbered in order."""
    rows, number = [], 0
    for item in application.version_content():
        if item["key"].startswith("challenge-"):
            number += 1
            rows.append(application.version_item_text(item, number))
        else:
            rows.append(application.version_item_text(item))
    return rows


@verified_email_required
def review(request, pk):
    application = editable_by_official(request, pk)
    missing = steps_to_complete(application)
    return render(
        request,
        "programs/solution_finder/review.html",
        {
            "application": application,
            **progress(application, incomplete=missing),
            "state": state_for_applicant(application),
            "question": current_note(application) if SOLUTION_FINDER.has(application, QUESTION) else "",
            "content": readable_content(application),
            "missing": missing,
            "steps": [
                step for step in SOLUTION_FINDER.available(application, request.user) if step.place == REVIEW
            ],
            "editable": SOLUTION_FINDER.has(application, EDITABLE),
        },
    )


def application_to_open(request, pk):
    """The application and the person's roles on it; 404 for one they may not open."""
    application = get_object_or_404(SolutionFinderApplication, pk=pk)
    roles = SOLUTION_FINDER.roles_of(request.user, application)
    if not may_open(request.user, application, roles):
        raise Http404
    return application, roles


def application(request, pk):
    # Kept whole for the person, the decision to let them open it included (render_kept_for_person).
    return render_kept_for_person(
        request,
        APPLICATION_TEMPLATE,
        lambda: application_context(request, *application_to_open(request, pk)),
        PAGE_SHOWS,
    )


# What the body of the application page keeps for each person (wego/pagecache/fragments.py): the
# application, its challenges, attachments, packages and history, the introductions and the
# person's role in them.
APPLICATION_SHOWS = frozenset(
    {
        "solution-finder-applications",
        "organisations",
        "areas",
        "introductions",
        "partners",
        "packages",
        "histories",
        "affiliations",
    }
)


# The thread's messages and their authors.
THREAD_SHOWS = frozenset({"histories", "people"})

# The whole page, kept for each person as well: the parts above, the layout, the unread count, and
# what decides whether the person may open it (their roles: staff groups, second factors).
PAGE_SHOWS = APPLICATION_SHOWS | THREAD_SHOWS | {content.LAYOUT, "notifications"}

APPLICATION_TEMPLATE = "programs/solution_finder/application.html"


def introduction_rows(user, application, official, secretariat):
    """(introduction, state, steps the person may take) for each introduction the person may see."""
    introductions = application.introductions.select_related("partner__organisation")
    if not (official or secretariat):
        # A partner sees only its own introduction.
        introductions = introductions.filter(pk__in=live_introductions_of(user).values("pk"))
    # The person's roles in each introduction, asked once for the page rather than once per introduction.
    my_partners = set(partners_of(user).values_list("pk", flat=True))
    answering_open = SOLUTION_FINDER.has(application, PROPOSING)
    rows = []
    for introduction in introductions:
        roles = {CITY} if official else set()
        roles |= {PARTNER} if introduction.partner_id in my_partners else set()
        roles |= {SECRETARIAT} if secretariat else set()
        steps = INTRODUCTION.available_for_roles(introduction, roles) if answering_open else []
        rows.append((introduction, INTRODUCTION.current(introduction), steps))
    return rows


def application_context(request, application, roles, message_form=None):
    """The page's context. Its body is kept for the person in parts as well (the template's
    kept_for_person, for when one thing changed): what they read is lazy here."""
    user = request.user
    official, secretariat = OFFICIAL in roles, SECRETARIAT in roles
    of_city = official or secretariat

    def note_if(flag):
        return SimpleLazyObject(
            lambda: current_note(application) if of_city and SOLUTION_FINDER.has(application, flag) else ""
        )

    return {
        "application": application,
        "shows": APPLICATION_SHOWS,
        "of_city": of_city,
        "is_official": official,
        "is_secretariat": secretariat,
        "state": state_for_applicant(application),
        "question": note_if(QUESTION),
        "reason": note_if(REASON),
        "history": SimpleLazyObject(lambda: history_for_applicant(application)) if of_city else [],
        "steps": SimpleLazyObject(
            lambda: [
                step for step in SOLUTION_FINDER.available_for_roles(application, roles) if step.place == PAGE
            ]
        ),
        "editable": SOLUTION_FINDER.has(application, EDITABLE),
        "challenges": application.challenges.select_related("area"),
        "attachments": application.attachments.all() if of_city else [],
        "thread": threads.messages_of(application) if of_city else [],
        "thread_shows": THREAD_SHOWS,
        "thread_of": application.pk,
        "thread_open": of_city and threads.is_open(application),
        "message_form": message_form or ThreadMessageForm(),
        "introductions": SimpleLazyObject(
            lambda: introduction_rows(user, application, official, secretariat)
        ),
        "packages": application.packages.prefetch_related(PARTNERS_BY_NAME) if of_city else [],
        "packages_open": of_city and SOLUTION_FINDER.has(application, PACKAGES),
    }


@verified_email_required
@require_POST
def take_step_view(request, pk):
    return take_step(request, application_of_city(request, pk))


@verified_email_required
@require_POST
def post_message(request, pk):
    application = application_of_city(request, pk)
    form = ThreadMessageForm(request.POST, request.FILES)
    if form.is_valid():
        if answer := already_sent(request):
            return answer
        if post_thread_message(request, application, form):
            return sent(request, redirect(f"{application.get_absolute_url()}#thread"))
    # What was typed stays in the form, with the reason it was not sent.
    roles = SOLUTION_FINDER.roles_of(request.user, application)
    context = application_context(request, application, roles, message_form=form)
    return render(request, APPLICATION_TEMPLATE, context, status=400 if form.errors else 200)


@require_safe
def attachment(request, pk, attachment):
    application = application_of_city(request, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment)
    return download(attachment.file, attachment.title)


@require_safe
def message_attachment(request, pk, message):
    return thread_attachment(application_of_city(request, pk), message)


@verified_email_required
@require_POST
def introduction_step(request, pk):
    introduction = get_object_or_404(
        Introduction.objects.filter(application__in=visible_applications(request.user)).select_related(
            "application__organisation", "partner__organisation"
        ),
        pk=pk,
    )
    application = introduction.application
    of_city = is_official(request.user, application) or is_secretariat(request.user)
    if not of_city and not live_introductions_of(request.user).filter(pk=introduction.pk).exists():
        raise Http404
    take_posted_step(request, introduction, label="staff_label")
    if not visible_applications(request.user).filter(pk=introduction.application_id).exists():
        return redirect("programs:solution-finder")  # a partner that declined no longer sees the city
    return redirect("programs:application", pk=introduction.application_id)
