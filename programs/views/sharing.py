"""A city shares a project with the Exchange, follows its moderation, and corrects it when it is returned."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.access import organisations_of
from organisations.staff import is_secretariat
from wego.submissions.once import already_sent, sent
from wego.workflow.engine import history_for_applicant, state_for_applicant
from wego.workflow.requests import take_step

from ..forms.exchange import project_forms
from ..models import Project
from ..services.exchange import (
    NotEditable,
    correct_project,
    may_correct,
    share_project,
    shared_by_organisations_of,
)
from ..workflow import PROJECT_SHARING, PUBLIC, shared_page


def shared_project_for(request, pk):
    """The project if this person's organisation shared it, or for the Secretariat; 404 otherwise."""
    projects = (
        Project.objects.all() if is_secretariat(request.user) else shared_by_organisations_of(request.user)
    )
    return get_object_or_404(projects.select_related("organisation", "city"), pk=pk)


def form_context(form, formsets, **extra):
    return {
        "form": form,
        "formsets": formsets,
        "formsets_have_errors": any(formset.total_error_count() for formset in formsets),
        **extra,
    }


def all_valid(form, formsets):
    # Every part validated, so every mistake is shown at once.
    return all([form.is_valid(), *(formset.is_valid() for formset in formsets)])


@verified_email_required
def share(request):
    if not organisations_of(request.user).filter(member__isnull=False).exists():
        return render(request, "programs/exchange/share_not_official.html")
    form, formsets = project_forms(request)
    if request.method == "POST" and all_valid(form, formsets):
        if answer := already_sent(request):
            return answer
        project = share_project(form, formsets, request.user)
        messages.success(
            request,
            _("Thank you: the project was sent to the Secretariat, which publishes it in the Exchange."),
        )
        return sent(request, redirect("programs:exchange-shared", pk=project.pk))
    shared = [
        (p, state_for_applicant(p)) for p in shared_by_organisations_of(request.user).order_by("-updated_at")
    ]
    return render(request, "programs/exchange/share.html", form_context(form, formsets, shared=shared))


def shared(request, pk):
    project = shared_project_for(request, pk)
    return render(
        request,
        "programs/exchange/shared.html",
        {
            "project": project,
            "state": state_for_applicant(project),
            "public": PROJECT_SHARING.has(project, PUBLIC),
            "history": history_for_applicant(project),
            "steps": PROJECT_SHARING.available(project, request.user),
            "may_correct": may_correct(request.user, project),
        },
    )


def correct(request, pk):
    project = shared_project_for(request, pk)
    if not may_correct(request.user, project):
        messages.error(
            request, _("The project can be changed only while it is returned to your organisation.")
        )
        return redirect("programs:exchange-shared", pk=project.pk)
    form, formsets = project_forms(request, instance=project)
    if request.method == "POST" and all_valid(form, formsets):
        # New indicators, links and documents would be added twice.
        if answer := already_sent(request):
            return answer
        try:
            correct_project(form, formsets, request.user)
        except NotEditable as refusal:
            messages.error(request, str(refusal))
            return redirect("programs:exchange-shared", pk=project.pk)
        messages.success(
            request, _("Your corrections were saved. Submit the project again when it is ready.")
        )
        return sent(request, redirect("programs:exchange-shared", pk=project.pk))
    return render(request, "programs/exchange/correct.html", form_context(form, formsets, project=project))


@require_POST
def take_step_view(request, pk):
    project = shared_project_for(request, pk)
    return take_step(request, project, next_url=shared_page(project))
