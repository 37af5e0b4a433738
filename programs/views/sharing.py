"""A city shares a project with the Exchange, follows its moderation, and corrects it when it is returned."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from organisations.forms import MemberOrganisationForm
from organisations.staff import is_secretariat
from wego import drafts
from wego.drafts import draft_data, step_after, step_before, still_missing
from wego.submissions.once import already_sent, sent
from wego.workflow.engine import history_for_applicant, state_for_applicant
from wego.workflow.requests import take_step

from ..forms.exchange import DocumentFormSet, IndicatorFormSet, LinkFormSet, ProjectForm, project_forms
from ..models import Project
from ..services import project_drafts
from ..services.exchange import (
    NotEditable,
    correct_project,
    may_correct,
    shared_by_organisations_of,
)
from ..sharing_steps import (
    BY_SLUG,
    FORMSET_STEPS,
    STEPS,
    steps_to_complete,
    typed_project,
    typed_rows,
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
    """Start a project to share, or go on with a draft; the projects already shared."""
    start_form = MemberOrganisationForm(request.POST or None, user=request.user)
    if not start_form.fields["organisation"].queryset.exists():
        return render(request, "programs/exchange/share_not_official.html")
    if request.method == "POST" and start_form.is_valid():
        if answer := already_sent(request):
            return answer
        draft = project_drafts.start_draft(start_form.cleaned_data["organisation"], request.user)
        messages.success(
            request,
            _(
                "Each step is kept when you press “Save and continue” or “Save draft”. "
                "Any official of your organisation can continue the project before it is shared."
            ),
        )
        return sent(request, redirect("programs:exchange-share-step", pk=draft.pk, step=STEPS[0].slug))
    shared = [
        (p, state_for_applicant(p)) for p in shared_by_organisations_of(request.user).order_by("-updated_at")
    ]
    return render(
        request,
        "programs/exchange/share.html",
        {"start_form": start_form, "drafts": project_drafts.drafts_of(request.user), "shared": shared},
    )


def draft_for(request, pk):
    """A draft of one of this person's organisations; 404 otherwise."""
    return get_object_or_404(project_drafts.drafts_of(request.user), pk=pk)


def progress(draft, current=None, incomplete=None):
    return {
        "draft": draft,
        **drafts.progress(
            draft,
            STEPS,
            saved=draft.drafts,
            url_of=lambda item: reverse("programs:exchange-share-step", args=[draft.pk, item.slug]),
            review_url=reverse("programs:exchange-share-review", args=[draft.pk]),
            current=current,
            incomplete=incomplete,
        ),
    }


@verified_email_required
@require_safe
def continue_sharing(request, pk):
    """Back into the draft where it still needs something; the review once nothing is missing."""
    draft = draft_for(request, pk)
    if incomplete := steps_to_complete(draft):
        return redirect("programs:exchange-share-step", pk=draft.pk, step=incomplete[0].slug)
    return redirect("programs:exchange-share-review", pk=draft.pk)


@verified_email_required
def share_step(request, pk, step):
    draft = draft_for(request, pk)
    current = BY_SLUG.get(step)
    if current is None:
        raise Http404
    if request.method == "POST":
        form = current.form_class(request.POST)
        if form.is_valid() or "save_draft" in request.POST:
            return keep_step(request, draft, current, form)
    else:
        # What was typed, with what is still missing or wrong marked.
        form = current.form_class(with_an_empty_row(current, draft_data(draft, current)))
    return render(
        request,
        "programs/exchange/share_step.html",
        {
            "step": current,
            "number": STEPS.index(current) + 1,
            "total": len(STEPS),
            **progress(draft, current),
            "form": form,
            "reopened_draft": request.method != "POST" and current.slug in draft.drafts,
            "is_formset": current.slug in FORMSET_STEPS,
            "previous": step_before(STEPS, current),
        },
    )


def with_an_empty_row(step, data):
    """The rows typed in a formset's step, and an empty one to add another (up to the most allowed)."""
    if data is None or step.slug not in FORMSET_STEPS:
        return data
    formset = step.form_class()
    key = f"{formset.prefix}-TOTAL_FORMS"
    typed = data.get(key, "")
    if typed.isdigit() and int(typed) < formset.max_num:
        data[key] = str(int(typed) + 1)
    return data


def keep_step(request, draft, current, form):
    if answer := already_sent(request):
        return answer
    complete = form.is_valid()
    missing = [] if complete else still_missing(form)
    try:
        project_drafts.keep_step(draft, current, form)
    except project_drafts.DraftGone as gone:
        messages.error(request, str(gone))
        return redirect("programs:exchange-share")
    following = step_after(STEPS, current)
    if not complete:
        messages.warning(
            request,
            _("Draft saved. Before you share the project, complete or correct: %(fields)s.")
            % {"fields": ", ".join(missing)}
            if missing
            else _("Draft saved. Before you share the project, complete or correct the fields marked below."),
        )
        return sent(request, redirect("programs:exchange-share-step", pk=draft.pk, step=current.slug))
    messages.success(request, _("Saved: %(step)s.") % {"step": current.title})
    if "save_draft" in request.POST:
        return sent(request, redirect("programs:exchange-share-step", pk=draft.pk, step=current.slug))
    if following is None:
        return sent(request, redirect("programs:exchange-share-review", pk=draft.pk))
    return sent(request, redirect("programs:exchange-share-step", pk=draft.pk, step=following.slug))


def whole_project(request, draft):
    """The project as typed over the steps, with the documents sent from the review, checked as a
    whole by the forms that save it."""
    posted = request.method == "POST"
    form = ProjectForm(typed_project(draft), instance=Project(), user=request.user)
    formsets = [
        IndicatorFormSet(typed_rows(draft, "indicators"), instance=Project(), prefix="indicators"),
        LinkFormSet(typed_rows(draft, "links"), instance=Project(), prefix="links"),
        DocumentFormSet(
            request.POST if posted else None,
            request.FILES if posted else None,
            instance=Project(),
            prefix="documents",
        ),
    ]
    return form, formsets


@verified_email_required
def share_review(request, pk):
    draft = project_drafts.drafts_of(request.user).filter(pk=pk).first()
    if draft is None:
        # Sent twice (a double click): the first shared the project and removed the draft; the
        # second is sent to the project, saying so, rather than to a page not found.
        if request.method == "POST" and (answer := already_sent(request)):
            return answer
        raise Http404
    missing = steps_to_complete(draft)
    form, formsets = whole_project(request, draft)
    documents = formsets[-1]
    if request.method == "POST":
        if missing:
            messages.error(request, _("The project cannot be shared yet: complete the steps listed below."))
        elif all_valid(form, formsets):
            if answer := already_sent(request):
                return answer
            try:
                project = project_drafts.share_draft(draft, form, formsets, request.user)
            except project_drafts.DraftGone as gone:
                messages.error(request, str(gone))
                return redirect("programs:exchange-share")
            messages.success(
                request,
                _("Thank you: the project was sent to the Secretariat, which publishes it in the Exchange."),
            )
            return sent(request, redirect("programs:exchange-shared", pk=project.pk))
    return render(
        request,
        "programs/exchange/share_review.html",
        {
            **progress(draft, incomplete=missing),
            "missing": missing,
            "answers": drafts.typed_answers(draft, STEPS),
            "form": form,
            "documents": documents,
            "whole_errors": [] if missing else whole_project_errors(form),
        },
    )


def whole_project_errors(form):
    """What the whole project form refuses though each step passed (say, the organisation is no
    longer a member): said on the review, not lost."""
    return [
        f"{form[name].label}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
        for name, errors in form.errors.items()
    ]


@verified_email_required
def delete_draft(request, pk):
    """Asks first: what was typed in the draft is gone for good."""
    draft = draft_for(request, pk)
    if request.method != "POST":
        return render(request, "programs/exchange/share_delete.html", {"draft": draft})
    try:
        project_drafts.delete_draft(draft)
    except project_drafts.DraftGone as gone:
        messages.error(request, str(gone))
    else:
        messages.success(request, _("The draft “%(title)s” was deleted.") % {"title": draft})
    return redirect("programs:exchange-share")


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
