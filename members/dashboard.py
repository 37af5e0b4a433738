"""The signed-in person's own pages: their affiliations, their organisations' submissions, their messages."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wego.notifications.models import Notification
from wego.workflow.engine import state_for_applicant

from .forms import AffiliationRequestForm
from .models import Affiliation, MembershipApplication
from .permissions import organisations_of
from .services import request_affiliation


def smart_city_driver(user):
    """The person's organisations' Solution Finder applications and shared projects, and the
    introductions of the partners they act for."""
    from programs.models import Introduction, Project, SolutionFinderApplication
    from programs.permissions import partners_of

    organisations = organisations_of(user)
    return {
        "solution_finder": [
            (application, state_for_applicant(application))
            for application in SolutionFinderApplication.objects.filter(
                organisation__in=organisations
            ).select_related("organisation")
        ],
        "introductions": Introduction.objects.filter(partner__in=partners_of(user))
        .exclude(status="withdrawn")
        .select_related("application__organisation", "partner"),
        "acts_for_a_member": organisations.exists(),
        "shared_projects": [
            (project, state_for_applicant(project))
            for project in Project.objects.filter(organisation__in=organisations).order_by("-updated_at")[:20]
        ],
    }


def dashboard(request):
    affiliations = (
        Affiliation.objects.filter(user=request.user)
        .select_related("member", "partner")
        .order_by("-updated_at")
    )
    applications = MembershipApplication.objects.filter(applicant=request.user).order_by("-updated_at")
    notifications = Notification.objects.filter(recipient=request.user)[:20]
    return render(
        request,
        "dashboard/dashboard.html",
        {
            "affiliations": [(a, state_for_applicant(a)) for a in affiliations],
            "applications": [(a, state_for_applicant(a)) for a in applications],
            "notifications": notifications,
            **smart_city_driver(request.user),
        },
    )


@require_POST
def mark_notifications_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("dashboard")


@verified_email_required
def request_affiliation_view(request):
    form = AffiliationRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            request_affiliation(
                request.user,
                form.organisation,
                title=form.cleaned_data["title"],
                justification=form.cleaned_data["justification"],
            )
        except IntegrityError:
            form.add_error(
                "member" if form.cleaned_data["member"] else "partner",
                _("You have already asked to act for this organisation, or you already do."),
            )
        else:
            messages.success(
                request, _("Your request was sent to the Secretariat. You will be told by email.")
            )
            return redirect("dashboard")
    return render(request, "dashboard/affiliation_request.html", {"form": form})
