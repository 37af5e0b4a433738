"""An organisation applies to join WeGO, follows its application, answers the Secretariat's
questions in the thread and, when asked for more information, changes its answers and resubmits."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from organisations.staff import is_secretariat
from wego.submissions.once import already_sent, sent
from wego.workflow import threads
from wego.workflow.definitions import PAGE, REVIEW
from wego.workflow.engine import current_note, history_for_applicant, state_for_applicant
from wego.workflow.forms import ThreadMessageForm
from wego.workflow.requests import post_thread_message, take_step, thread_attachment

from .forms import MembershipApplicationForm
from .models import MembershipApplication
from .services import NotEditable, correct_application, submit_application
from .workflow import EDITABLE, MEMBERSHIP


def application_for(request, pk):
    """The application if this person may see it: its applicant or the Secretariat; 404 otherwise."""
    applications = MembershipApplication.objects.all()
    if not is_secretariat(request.user):
        applications = applications.filter(applicant=request.user)
    return get_object_or_404(applications, pk=pk)


@verified_email_required
def apply(request):
    form = MembershipApplicationForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        # The person is offered as the contact; they may name someone else.
        initial={"contact_name": request.user.get_full_name(), "contact_email": request.user.email},
    )
    if request.method == "POST" and form.is_valid():
        if answer := already_sent(request):
            return answer
        application = submit_application(form, request.user)
        messages.success(request, _("Your application was received. The Secretariat will review it."))
        return sent(request, redirect(application))
    return render(request, "members/apply.html", {"form": form})


def application_page(request, pk, message_form=None, status=200):
    application = application_for(request, pk)
    steps = MEMBERSHIP.available(application, request.user)
    return render(
        request,
        "members/application.html",
        {
            "application": application,
            "state": state_for_applicant(application),
            "question": current_note(application) if MEMBERSHIP.has(application, EDITABLE) else "",
            "editable": MEMBERSHIP.has(application, EDITABLE) and application.applicant_id == request.user.pk,
            "history": history_for_applicant(application),
            "steps": [step for step in steps if step.place == PAGE],
            "review_steps": [step for step in steps if step.place == REVIEW],
            "thread": threads.messages_of(application),
            "thread_open": threads.is_open(application),
            "message_form": message_form or ThreadMessageForm(),
        },
        status=status,
    )


@verified_email_required
def edit(request, pk):
    application = application_for(request, pk)
    if application.applicant_id != request.user.pk:
        raise Http404
    if not MEMBERSHIP.has(application, EDITABLE):
        messages.info(
            request, _("The application can be changed only when the Secretariat asks for more information.")
        )
        return redirect(application)
    post = request.method == "POST"
    form = MembershipApplicationForm(
        request.POST if post else None, request.FILES if post else None, instance=application
    )
    if post and form.is_valid():
        try:
            correct_application(form)
        except NotEditable as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Your changes were saved. Resubmit the application when it is ready.")
            )
        return redirect(application)
    return render(request, "members/edit.html", {"form": form, "application": application})


@require_POST
def take_step_view(request, pk):
    return take_step(request, application_for(request, pk))


@verified_email_required
@require_POST
def post_message(request, pk):
    application = application_for(request, pk)
    form = ThreadMessageForm(request.POST, request.FILES)
    if form.is_valid():
        if answer := already_sent(request):
            return answer
        if post_thread_message(request, application, form):
            return sent(request, redirect(f"{application.get_absolute_url()}#thread"))
    # What was typed stays in the form, with the reason it was not sent.
    return application_page(request, pk, message_form=form, status=400 if form.errors else 200)


@require_safe
def letter(request, pk):
    application = application_for(request, pk)
    if not application.letter_of_intent:
        raise Http404
    return FileResponse(
        application.letter_of_intent.open("rb"),
        as_attachment=True,
        filename=f"letter-of-intent-{application.pk}.pdf",
        content_type="application/pdf",
    )


@require_safe
def message_attachment(request, pk, message):
    return thread_attachment(application_for(request, pk), message)
