"""The pages of a multi-step form with drafts: a step, "Continue", and the progress beside them.

A programme declares its steps as data (wego/drafts.py `Step`) and describes its form once as a
`SteppedForm`: where its pages are, whether a submission may still be edited, and the services
that save a step complete or as a draft. The views here do the rest the same way for every
programme: a step that validates is saved and the next one opens; "Save draft" keeps what was
typed and says what is still missing; a double click saves once; a submission no longer editable
says so and changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import drafts
from .drafts import draft_data, step_after, step_before, still_missing
from .submissions.once import already_sent, sent
from .workflow.errors import NotEditable


@dataclass(frozen=True)
class SteppedForm:
    steps: tuple
    # View names: a step's page (pk, slug), the review before sending (pk), the submission's page (pk).
    step_view: str
    review_view: str
    page_view: str
    editable: Callable  # editable(obj) -> bool
    not_editable: str  # what the person reads when it no longer is
    save_step: Callable  # save_step(obj, step, form)
    save_draft: Callable  # save_draft(obj, step, form)
    template: str

    def step_url(self, obj, step):
        return reverse(self.step_view, args=[obj.pk, step.slug])

    def progress(self, obj, current=None, incomplete=None):
        return drafts.progress(
            obj,
            self.steps,
            saved=obj.steps_saved,
            url_of=lambda step: self.step_url(obj, step),
            review_url=reverse(self.review_view, args=[obj.pk]),
            current=current,
            incomplete=incomplete,
        )

    def continue_at(self, request, obj):
        """Back into the form where it still needs something; the review once nothing is missing."""
        if not self.editable(obj):
            return redirect(self.page_view, pk=obj.pk)
        incomplete = drafts.incomplete_steps(obj, self.steps)
        if incomplete:
            return redirect(self.step_url(obj, incomplete[0]))
        return redirect(self.review_view, pk=obj.pk)

    def page(self, request, obj, current, form_for, context=None):
        """A step's page: shown with what was typed (a draft's values and what they still miss), or
        saved from its POST. `form_for(data, files)` builds the step's form."""
        if not self.editable(obj):
            messages.info(request, self.not_editable)
            return redirect(self.page_view, pk=obj.pk)
        if request.method == "POST":
            form = form_for(request.POST, request.FILES)
            if form.is_valid():
                return self.saved_complete(request, obj, current, form)
            if "save_draft" in request.POST:
                return self.saved_as_draft(request, obj, current, form)
        else:
            form = form_for(draft_data(obj, current), None)
        return render(
            request,
            self.template,
            {
                "step": current,
                "number": self.steps.index(current) + 1,
                "total": len(self.steps),
                **self.progress(obj, current),
                "form": form,
                "reopened_draft": request.method != "POST" and current.slug in obj.drafts,
                "previous": step_before(self.steps, current),
                "next": step_after(self.steps, current),
                **(context or {}),
            },
        )

    def saved_complete(self, request, obj, current, form, *, again_message=None):
        # A step that adds rows, sent twice, would add them twice.
        if answer := already_sent(request):
            return answer
        try:
            self.save_step(obj, current, form)
        except NotEditable as refusal:
            messages.error(request, str(refusal))
            return redirect(self.page_view, pk=obj.pk)
        if "add_another" in request.POST and again_message:
            messages.success(request, again_message)
            return sent(request, redirect(self.step_url(obj, current)))
        messages.success(request, _("Saved: %(step)s.") % {"step": current.title})
        following = step_after(self.steps, current)
        if "save_draft" in request.POST or following is None:
            return sent(request, redirect(self.step_url(obj, current)))
        return sent(request, redirect(self.step_url(obj, following)))

    def saved_as_draft(self, request, obj, current, form):
        """Keep what was typed though the step is not complete, and say what it still needs."""
        if answer := already_sent(request):
            return answer
        missing = still_missing(form)
        try:
            self.save_draft(obj, current, form)
        except NotEditable as refusal:
            messages.error(request, str(refusal))
            return redirect(self.page_view, pk=obj.pk)
        if missing:
            messages.warning(
                request,
                _("Draft saved. Before you submit, complete or correct: %(fields)s.")
                % {"fields": ", ".join(missing)},
            )
        else:
            messages.warning(
                request, _("Draft saved. Before you submit, complete or correct the fields marked below.")
            )
        return sent(request, redirect(self.step_url(obj, current)))
