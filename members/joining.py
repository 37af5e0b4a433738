"""An organisation applies to join WeGO, and follows its application."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wego.workflow.engine import history_for_applicant, state_for_applicant
from wego.workflow.requests import take_posted_step

from .forms import MembershipApplicationForm
from .models import MembershipApplication
from .services import submit_application
from .workflow import is_secretariat


def application_for(request, pk):
    """The application if this person may see it: its applicant or the Secretariat; 404 otherwise."""
    applications = MembershipApplication.objects.all()
    if not is_secretariat(request.user):
        applications = applications.filter(Q(applicant=request.user))
    return get_object_or_404(applications, pk=pk)


@verified_email_required
def apply(request):
    form = MembershipApplicationForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        application = submit_application(form, request.user)
        messages.success(request, _("Your application was received. The Secretariat will review it."))
        return redirect("members:application", pk=application.pk)
    return render(request, "members/apply.html", {"form": form})


def application(request, pk):
    application = application_for(request, pk)
    return render(
        request,
        "members/application.html",
        {
            "application": application,
            "state": state_for_applicant(application),
            "history": history_for_applicant(application),
            "steps": application.workflow.available(application, request.user),
        },
    )


@require_POST
def take_step(request, pk):
    application = application_for(request, pk)
    take_posted_step(request, application, label="applicant_label")
    return redirect("members:application", pk=application.pk)


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
