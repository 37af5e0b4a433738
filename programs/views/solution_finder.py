"""The Solution Finder on the site: the city's multi-step application, its page, the thread,
introductions to partners and, from the city's side, the solution packages."""

from allauth.account.decorators import verified_email_required
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from members.models import Member
from members.permissions import organisations_of
from members.workflow import is_secretariat
from wego.workflow.engine import history_for_applicant, state_for_applicant
from wego.workflow.requests import take_posted_step

from ..forms.solution_finder import (
    MAX_ATTACHMENTS,
    AttachmentForm,
    ThreadMessageForm,
    challenge_formset,
)
from ..models import Introduction, SolutionFinderApplication
from ..permissions import is_official, partners_of, visible_applications
from ..services import solution_finder as services
from ..steps import BY_SLUG, STEPS, step_after, step_before


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
        label=_("For which organisation?"),
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
                "introductions": Introduction.objects.filter(partner__in=partners_of(user))
                .exclude(status="withdrawn")
                .select_related("application__organisation", "partner"),
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
        request, _("Your draft is saved as you go. Any official of your organisation can continue it.")
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
            services.save_step(application, current, form.save)
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
        },
    )


def attachments(request, application, current):
    form = AttachmentForm(request.POST or None, request.FILES or None)
    count = application.attachments.count()
    if request.method == "POST":
        if count >= MAX_ATTACHMENTS:
            form.add_error(
                None, _("An application can have %(count)d attachments at most.") % {"count": MAX_ATTACHMENTS}
            )
        elif form.is_valid():
            try:
                services.save_step(
                    application, current, lambda: services.add_attachment(application, form, request.user)
                )
            except services.NotEditable as refusal:
                messages.error(request, str(refusal))
                return redirect("programs:application", pk=application.pk)
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
        services.save_step(application, BY_SLUG["attachments"], lambda: None)
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
            "content": services.snapshot(application),
            "missing": services.missing_parts(application),
            "steps": application.workflow.available(application, request.user),
            "editable": application.status in services.EDITABLE_STATES,
        },
    )


def application(request, pk):
    application = application_for(request, pk)
    user = request.user
    of_city = is_official(user, application) or is_secretariat(user)
    introductions = application.introductions.select_related("partner")
    if not of_city:
        # A partner sees only its own introduction.
        introductions = introductions.filter(partner__in=partners_of(user)).exclude(status="withdrawn")
    return render(
        request,
        "programs/solution_finder/application.html",
        {
            "application": application,
            "of_city": of_city,
            "is_official": is_official(user, application),
            "state": state_for_applicant(application),
            "history": history_for_applicant(application),
            "steps": [s for s in application.workflow.available(application, user)] if of_city else [],
            "editable": application.status in services.EDITABLE_STATES,
            "challenges": application.challenges.select_related("area"),
            "attachments": application.attachments.all() if of_city else [],
            "thread": application.messages.select_related("author") if of_city else [],
            "thread_open": of_city and application.status not in services.THREAD_CLOSED_STATES,
            "message_form": ThreadMessageForm(),
            "introductions": [
                (
                    introduction,
                    introduction.workflow.state(introduction.status),
                    introduction.workflow.available(introduction, user),
                )
                for introduction in introductions
            ],
            "packages": application.packages.prefetch_related("partners", "challenges") if of_city else [],
            "packages_open": of_city and application.status in services.PACKAGE_STATES,
        },
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
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(f"{application.get_absolute_url()}#thread")
    try:
        services.post_message(
            application,
            request.user,
            body=form.cleaned_data["body"],
            attachment=form.cleaned_data["attachment"],
        )
    except services.NotEditable as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your message was sent."))
    return redirect(f"{application.get_absolute_url()}#thread")


@require_safe
def attachment(request, pk, attachment):
    application = application_of_city(request, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.file.name.rsplit("/", 1)[-1]
    )


@require_safe
def message_attachment(request, pk, message):
    application = application_of_city(request, pk)
    message = get_object_or_404(application.messages.exclude(attachment=""), pk=message)
    return FileResponse(
        message.attachment.open("rb"), as_attachment=True, filename=message.attachment.name.rsplit("/", 1)[-1]
    )


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
    if not of_city and introduction.partner not in partners_of(request.user):
        raise Http404
    take_posted_step(request, introduction, label="staff_label")
    return redirect("programs:application", pk=introduction.application_id)
