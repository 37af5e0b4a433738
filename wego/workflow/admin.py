"""The admin side of the workflow: a submission's history, and one button per step the user may take."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from .engine import history
from .requests import take_posted_step


class WorkflowAdminMixin:
    """For a ModelAdmin whose model has a `workflow`; the state itself is never editable here."""

    change_form_template = "admin/workflow/change_form.html"

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/transition/",
                self.admin_site.admin_view(require_POST(self.transition_view)),
                name=f"{opts.app_label}_{opts.model_name}_transition",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None:
            workflow = self.model.workflow
            opts = self.model._meta
            extra_context = {
                **(extra_context or {}),
                "workflow_state": workflow.state(getattr(obj, workflow.state_field)),
                "workflow_seen_state": getattr(obj, workflow.state_field),
                "workflow_transitions": workflow.available(obj, request.user),
                "workflow_history": [
                    (record, workflow.state(record.from_state), workflow.state(record.to_state))
                    for record in history(obj)
                ],
                "workflow_url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_transition", args=[obj.pk]
                ),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def has_change_permission(self, request, obj=None):
        # Nothing here is edited by hand: saving the form would write back a status read before
        # a concurrent step. Steps go through transition_view, which only needs to view.
        return False

    def transition_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        take_posted_step(request, obj)
        opts = self.model._meta
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
