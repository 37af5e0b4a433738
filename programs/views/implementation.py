"""Step 4 on the site: a selected project's page for its city, its consultant and the Secretariat:
the milestones of the feasibility study and of the pilot with their deliverables, and the progress
reports due. 404 for anyone else."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from organisations.roles import SECRETARIAT
from wego.submissions.once import already_sent, sent
from wego.uploads import download
from wego.workflow.definitions import PAGE
from wego.workflow.errors import NotEditable
from wego.workflow.requests import take_step

from ..forms.implementation import DeliverableForm, ReportForm
from ..forms.packages import plan_formsets
from ..implementation_workflow import CITY, CONSULTANT, DELIVERING, MILESTONE
from ..implementer_workflow import PROJECT, PROPOSAL, SELECTED
from ..models import Milestone, Phase, Proposal
from ..services import implementation as services
from .packages import recorded_reading


def project_for(request, pk):
    """The selected proposal and the person's roles on its project; 404 unless they are its city,
    its consultant or the Secretariat."""
    proposal = get_object_or_404(
        Proposal.objects.filter(PROPOSAL.q(PROJECT)).select_related(
            "organisation", "call", "consultant__organisation"
        ),
        pk=pk,
    )
    probe = Milestone(proposal=proposal)
    roles = MILESTONE.roles_of(request.user, probe)
    if not roles & {CITY, CONSULTANT, SECRETARIAT}:
        raise Http404
    return proposal, roles


PlanStakeholders, PlanIndicators = plan_formsets(Proposal, "proposal")


def plan_forms(proposal, data=None):
    return [
        PlanStakeholders(data, instance=proposal, prefix="stakeholders"),
        PlanIndicators(data, instance=proposal, prefix="indicators"),
    ]


def render_project(request, pk, forms=None, plan=None, status=200):
    proposal, roles = project_for(request, pk)
    working = bool(roles & {CITY, CONSULTANT})
    under_way = PROPOSAL.has(proposal, SELECTED)
    indicators = list(proposal.plan_indicators.prefetch_related("readings"))
    milestones = list(proposal.milestones.all())
    rows = [
        {
            "milestone": milestone,
            "state": MILESTONE.current(milestone),
            "steps": [s for s in MILESTONE.available_for_roles(milestone, roles) if s.place == PAGE],
            "upload": working and MILESTONE.has(milestone, DELIVERING),
            "form": (forms or {}).get(("milestone", milestone.pk))
            or DeliverableForm(prefix=f"m{milestone.pk}"),
        }
        for milestone in milestones
    ]
    return render(
        request,
        "programs/implementer/project.html",
        {
            "proposal": proposal,
            "call": proposal.call,
            "working": working,
            "phases": [
                (label, [row for row in rows if row["milestone"].phase == value])
                for value, label in Phase.choices
            ],
            "under_way": under_way,
            "plan": plan or (plan_forms(proposal) if working and under_way else None),
            "stakeholders": proposal.plan_stakeholders.all(),
            "indicators": indicators,
            "readings_open": working and under_way,
            "reports": [
                (report, (forms or {}).get(("report", report.pk)) or ReportForm(prefix=f"r{report.pk}"))
                for report in proposal.reports.all()
            ],
        },
        status=status,
    )


@verified_email_required
@require_safe
def project(request, pk):
    return render_project(request, pk)


def milestone_of(request, pk, milestone):
    proposal, roles = project_for(request, pk)
    return get_object_or_404(
        proposal.milestones.select_related("proposal__organisation"), pk=milestone
    ), roles


@verified_email_required
@require_POST
def upload(request, pk, milestone):
    found, roles = milestone_of(request, pk, milestone)
    form = DeliverableForm(request.POST, request.FILES, prefix=f"m{found.pk}")
    if not form.is_valid():
        return render_project(request, pk, forms={("milestone", found.pk): form}, status=400)
    if answer := already_sent(request):
        return answer
    try:
        services.upload_deliverable(found, form.cleaned_data["deliverable"], request.user)
    except NotEditable as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The deliverable is uploaded. Deliver it when it is final."))
    return sent(request, redirect("programs:implementer-project", pk=pk))


@verified_email_required
@require_POST
def milestone_step(request, pk, milestone):
    found, roles = milestone_of(request, pk, milestone)
    return take_step(request, found, next_url=found.get_absolute_url())


@require_safe
def deliverable(request, pk, milestone):
    found, roles = milestone_of(request, pk, milestone)
    if not found.deliverable:
        raise Http404
    return download(found.deliverable, found.title)


@verified_email_required
@require_POST
def send_report(request, pk, report):
    proposal, roles = project_for(request, pk)
    found = get_object_or_404(proposal.reports, pk=report)
    form = ReportForm(request.POST, request.FILES, prefix=f"r{found.pk}")
    if not form.is_valid():
        return render_project(request, pk, forms={("report", found.pk): form}, status=400)
    if answer := already_sent(request):
        return answer
    try:
        services.send_report(
            found, summary=form.cleaned_data["summary"], upload=form.cleaned_data["file"], user=request.user
        )
    except NotEditable as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The report is sent to WeGO."))
    return sent(request, redirect("programs:implementer-project", pk=pk))


@verified_email_required
@require_POST
def save_plan(request, pk):
    proposal, roles = project_for(request, pk)
    if not roles & {CITY, CONSULTANT}:
        raise Http404
    formsets = plan_forms(proposal, request.POST)
    if not all(formset.is_valid() for formset in formsets):
        return render_project(request, pk, plan=formsets, status=400)
    if answer := already_sent(request):
        return answer
    try:
        services.save_plan(proposal, formsets)
    except NotEditable as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The Plan is saved."))
    return sent(request, redirect("programs:implementer-project", pk=pk))


@verified_email_required
@require_POST
def record_reading(request, pk, indicator):
    proposal, roles = project_for(request, pk)
    if not roles & {CITY, CONSULTANT}:
        raise Http404
    found = get_object_or_404(proposal.plan_indicators, pk=indicator)
    return recorded_reading(request, found, redirect("programs:implementer-project", pk=pk))


@require_safe
def report_file(request, pk, report):
    proposal, roles = project_for(request, pk)
    found = get_object_or_404(proposal.reports, pk=report)
    if not found.file:
        raise Http404
    return download(found.file, str(found))
