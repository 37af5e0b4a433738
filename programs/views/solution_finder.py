"""The Solution Finder on the site: the city's multi-step application, its page, the thread,
introductions to partners and, from the city's side, the solution packages."""

from allauth.account.decorators import verified_email_required
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from members.models import Member
from members.permissions import organisations_of
from members.uploads import detected_type
from members.workflow import SECRETARIAT, is_secretariat
from wego.workflow.engine import history_for_applicant, state_for_applicant
from wego.workflow.requests import take_posted_step

from ..forms.solution_finder import (
    AttachmentForm,
    ThreadMessageForm,
    challenge_formset,
)
from ..models import Introduction, SolutionFinderApplication
from ..permissions import is_official, live_introductions_of, partners_of, visible_applications
from ..services import solution_finder as services
from ..steps import BY_SLUG, STEPS, step_after, step_before
from ..workflow import CITY, INTRODUCING_STATES, INTRODUCTION, PARTNER, SUBMITTING


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


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("For which organisation?"),
        queryset=Member.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_of(user)
        self.fields["organisation"].error_messages["invalid_choice"] = _(
            "Choose one of the organisations you act for."
        )
        self.fields["organisation"].error_messages["required"] = _("Choose the organisation you apply for.")
        self.fields["organisation"].widget.attrs["class"] = "form-select"


@login_not_required
@require_safe
def landing(request):
    user = request.user
    context = {"steps": STEPS}
    if user.is_authenticated:
        context.update(
            {
                "applications": [
                    (application, state_for_applicant(application))
                    for application in SolutionFinderApplication.objects.filter(
                        organisation__in=organisations_of(user)
                    ).select_related("organisation")
                ],
                "introductions": live_introductions_of(user).select_related(
                    "application__organisation", "partner"
                ),
                "start_form": StartForm(user=user),
                "has_organisation": organisations_of(user).exists(),
            }
        )
    return render(request, "programs/solution_finder/landing.html", context)


@verified_email_required
@require_POST
def start(request):
    form = StartForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["organisation"]))
        return redirect("programs:solution-finder")
    application = services.start_application(form.cleaned_data["organisation"], request.user)
    messages.success(
        request,
        _(
            "Each step is saved when you press “Save and continue” or “Save draft”. "
            "Any official of your organisation can continue the application."
        ),
    )
    return redirect("programs:application-step", pk=application.pk, step=STEPS[0].slug)


def progress(application, current=None):
    """(step, saved, is current) for the progress indicator."""
    return [(step, step.slug in application.steps_saved, step == current) for step in STEPS]


@verified_email_required
def step(request, pk, step):
    application = editable_by_official(request, pk)
    current = BY_SLUG.get(step)
    if current is None:
        raise Http404
    if application.status not in services.EDITABLE_STATES:
        messages.info(request, _("This application has been submitted; it can no longer be changed."))
        return redirect("programs:application", pk=application.pk)
    if current.slug == "attachments":
        return attachments(request, application, current)
    post = request.POST if request.method == "POST" else None
    if current.slug == "challenges":
        form = challenge_formset(application)(post, instance=application, prefix="challenges")
    else:
        form = current.form_class(post, instance=application)
    if post is not None and form.is_valid():
        try:
            services.save_step(application, current, form)
        except services.NotEditable as refusal:
            messages.error(request, str(refusal))
            return redirect("programs:application", pk=application.pk)
        if "add_another" in request.POST:
            messages.success(request, _("Saved. Add another challenge below."))
            return redirect("programs:application-step", pk=application.pk, step=current.slug)
        messages.success(request, _("Saved: %(step)s.") % {"step": current.title})
        following = step_after(current)
        if "save_and_stay" in request.POST or following is None:
            return redirect("programs:application-step", pk=application.pk, step=current.slug)
        return redirect("programs:application-step", pk=application.pk, step=following.slug)
    return render(
        request,
        "programs/solution_finder/step.html",
        {
            "application": application,
            "step": current,
            "number": STEPS.index(current) + 1,
            "total": len(STEPS),
            "progress": progress(application, current),
            "form": form,
            "previous": step_before(current),
            "next": step_after(current),
            "state": state_for_applicant(application),
        },
    )


def attachments(request, application, current):
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_attachment(application, form, request.user)
            services.save_step(application, current)
        except services.NotEditable as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Attached: %(title)s.") % {"title": form.cleaned_data["title"]})
            return redirect("programs:application-step", pk=application.pk, step=current.slug)
    return render(
        request,
        "programs/solution_finder/attachments.html",
        {
            "application": application,
            "step": current,
            "number": STEPS.index(current) + 1,
            "total": len(STEPS),
            "progress": progress(application, current),
            "form": form,
            "attachments": application.attachments.all(),
            "state": state_for_applicant(application),
            "previous": step_before(current),
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


@verified_email_required
def review(request, pk):
    application = editable_by_official(request, pk)
    return render(
        request,
        "programs/solution_finder/review.html",
        {
            "application": application,
            "progress": progress(application),
            "state": state_for_applicant(application),
            "question": services.current_note(application)
            if application.status in services.QUESTION_STATES
            else "",
            "content": services.readable_content(services.snapshot(application)),
            "missing": services.missing_parts(application),
            "steps": [
                step
                for step in application.workflow.available(application, request.user)
                if step.name in SUBMITTING
            ],
            "editable": application.status in services.EDITABLE_STATES,
        },
    )


def application(request, pk):
    return application_page(request, application_for(request, pk))


def application_page(request, application, message_form=None, status=200):
    user = request.user
    official = is_official(user, application)
    secretariat = is_secretariat(user)
    of_city = official or secretariat
    introductions = application.introductions.select_related("partner")
    if not of_city:
        # A partner sees only its own introduction.
        introductions = introductions.filter(pk__in=live_introductions_of(user).values("pk"))
    # The person's roles in each introduction, asked once for the page rather than once per introduction.
    my_partners = set(partners_of(user).values_list("pk", flat=True))
    answering_open = application.status in INTRODUCING_STATES
    rows = []
    for introduction in introductions:
        roles = {CITY} if official else set()
        roles |= {PARTNER} if introduction.partner_id in my_partners else set()
        roles |= {SECRETARIAT} if secretariat else set()
        steps = INTRODUCTION.available_for_roles(introduction, roles) if answering_open else []
        rows.append((introduction, INTRODUCTION.state(introduction.status), steps))
    steps = application.workflow.available(application, user) if of_city else []
    return render(
        request,
        "programs/solution_finder/application.html",
        {
            "application": application,
            "of_city": of_city,
            "is_official": official,
            "state": state_for_applicant(application),
            "question": services.current_note(application)
            if of_city and application.status in services.QUESTION_STATES
            else "",
            "reason": services.current_note(application)
            if of_city and application.status in services.REASON_STATES
            else "",
            "history": history_for_applicant(application) if of_city else [],
            "steps": [step for step in steps if step.name not in SUBMITTING],
            "editable": application.status in services.EDITABLE_STATES,
            "challenges": application.challenges.select_related("area"),
            "attachments": application.attachments.all() if of_city else [],
            "thread": application.messages.select_related("author") if of_city else [],
            "thread_open": of_city and application.status not in services.THREAD_CLOSED_STATES,
            "message_form": message_form or ThreadMessageForm(),
            "introductions": rows,
            "packages": application.packages.prefetch_related("partners") if of_city else [],
            "packages_open": of_city and application.status in services.PACKAGE_STATES,
        },
        status=status,
    )


@verified_email_required
@require_POST
def take_step(request, pk):
    application = application_of_city(request, pk)
    take_posted_step(request, application, label="applicant_label")
    return redirect("programs:application", pk=application.pk)


@verified_email_required
@require_POST
def post_message(request, pk):
    application = application_of_city(request, pk)
    form = ThreadMessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.post_message(
                application,
                request.user,
                body=form.cleaned_data["body"],
                attachment=form.cleaned_data["attachment"],
            )
        except PermissionDenied:
            raise Http404 from None
        except services.NotEditable as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your message was sent."))
            return redirect(f"{application.get_absolute_url()}#thread")
    # What was typed stays in the form, with the reason it was not sent.
    return application_page(request, application, message_form=form, status=400 if form.errors else 200)


@require_safe
def attachment(request, pk, attachment):
    application = application_of_city(request, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment)
    return download(attachment.file, attachment.title)


@require_safe
def message_attachment(request, pk, message):
    application = application_of_city(request, pk)
    message = get_object_or_404(application.messages.exclude(attachment=""), pk=message)
    return download(message.attachment, message.attachment_name.rsplit(".", 1)[0] or "attachment")


def download(stored, title):
    """The file as an attachment named from its title and its checked type, never its uploaded name."""
    kind = detected_type(stored)
    extension, content_type = DOWNLOAD_TYPES.get(kind, ("bin", "application/octet-stream"))
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=f"{slugify(title) or 'attachment'}.{extension}",
        content_type=content_type,
    )


DOWNLOAD_TYPES = {
    "PDF": ("pdf", "application/pdf"),
    "PNG": ("png", "image/png"),
    "JPEG": ("jpg", "image/jpeg"),
}


@verified_email_required
@require_POST
def introduction_step(request, pk):
    introduction = get_object_or_404(
        Introduction.objects.filter(application__in=visible_applications(request.user)).select_related(
            "application__organisation", "partner"
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
