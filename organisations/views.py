"""The signed-in person's own pages: My WeGO, their profile, marking messages read, asking to act for
an organisation."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wego.notifications import inbox
from wego.submissions.once import already_sent, sent
from wego.workflow.requests import take_step

from .dashboard import dashboard_page
from .forms import AffiliationRequestForm, ProfileForm
from .services import propose_and_request, request_affiliation


def dashboard(request):
    return dashboard_page(request)


def profile(request):
    """The person changes the name they gave at sign-up."""
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your name was saved."))
        return redirect("dashboard")
    return render(request, "organisations/profile.html", {"form": form})


@require_POST
def affiliation_step(request, pk):
    """The person withdraws their own request, or stops acting for an organisation."""
    affiliation = get_object_or_404(request.user.affiliations, pk=pk)
    return take_step(request, affiliation, next_url=reverse("dashboard"))


@require_POST
def mark_notifications_read(request):
    inbox.mark_all_read(request.user)
    return redirect("dashboard")


@verified_email_required
def request_affiliation_view(request):
    form = AffiliationRequestForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        if answer := already_sent(request):
            return answer
        details = {"title": form.cleaned_data["title"], "justification": form.cleaned_data["justification"]}
        try:
            if form.cleaned_data["organisation"]:
                request_affiliation(request.user, form.cleaned_data["organisation"], **details)
            else:
                propose_and_request(request.user, proposal=form.proposal, **details)
        except IntegrityError:
            form.add_error(None, _("You have already asked to act for this organisation, or you already do."))
        else:
            messages.success(
                request, _("Your request was sent to the Secretariat. You will be told by email.")
            )
            return sent(request, redirect("dashboard"))
    return render(request, "organisations/affiliation_request.html", {"form": form})
