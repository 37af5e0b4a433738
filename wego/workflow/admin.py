"""The admin side of every workflow: the Secretariat's queue (open items first, the longest waiting
first, drafts left out), and on each item its steps as buttons, its history, its versions and its
clarification thread, from the same partials the site uses."""

from datetime import timedelta

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, OuterRef, Subquery, Value, When
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ..submissions.once import already_sent, sent
from .definitions import AWAITING, DRAFT, FINAL, GO_ON, REFUSE, SEND_BACK
from .engine import history_for_staff
from .forms import ThreadMessageForm
from .models import TransitionRecord
from .requests import post_thread_message, take_posted_step
from .threads import is_open, messages_of
from .versions import Versioned, versions_with_changes


class WaitingListFilter(admin.SimpleListFilter):
    title = _("in this state for")
    parameter_name = "waiting"
    AGES = {"week": 7, "month": 30}

    def lookups(self, request, model_admin):
        return [("week", _("More than a week")), ("month", _("More than a month"))]

    def queryset(self, request, queryset):
        if self.value() not in self.AGES:
            return queryset
        return queryset.filter(waiting_since__lt=timezone.now() - timedelta(days=self.AGES[self.value()]))


# The admin's steps in groups, by what they do: the way forward, back to the submitter, a refusal.
STEP_GROUPS = (
    (GO_ON, _("Go on")),
    (SEND_BACK, _("Send back to the applicant")),
    (REFUSE, _("Refuse, withdraw or end")),
)


def grouped_steps(transitions):
    """[(kind, heading, steps)] for the kinds that have steps, in STEP_GROUPS' order."""
    groups = [
        (kind, heading, [step for step in transitions if step.kind == kind]) for kind, heading in STEP_GROUPS
    ]
    return [group for group in groups if group[2]]


# What waits for staff first, then what waits for others, then what is finished; the longest waiting
# first in each. Only the queue's own list orders so: its annotations are not on the querysets
# other admins build of the same model (a related choice, a list filter), which take
# get_ordering(), left plain.
QUEUE_ORDER = ["turn", "waiting_since", "pk"]


class QueueChangeList(ChangeList):
    def get_ordering(self, request, queryset):
        if ORDER_VAR in self.params:
            return super().get_ordering(request, queryset)  # a column the person sorted by
        return list(QUEUE_ORDER)


class WorkflowAdminMixin:
    """For a ModelAdmin whose model has a `workflow`; the state itself is never editable here."""

    change_form_template = "admin/workflow/change_form.html"

    # The queue -------------------------------------------------------------------------------

    def get_queryset(self, request):
        workflow = self.model.workflow
        # Ordered only once annotated: the order is by what the annotations say.
        queryset = self.model._default_manager.get_queryset().exclude(workflow.q(DRAFT))
        last_step = TransitionRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        ).order_by("-created_at", "-pk")
        queryset = queryset.annotate(
            waiting_since=Subquery(last_step.values("created_at")[:1]),
            turn=Case(
                When(workflow.q(AWAITING), then=Value(0)),
                When(workflow.q(FINAL), then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        return queryset.order_by(*QUEUE_ORDER)

    def get_changelist(self, request, **kwargs):
        return QueueChangeList

    def get_list_display(self, request):
        return [*super().get_list_display(request), "waiting"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), WaitingListFilter]

    @admin.display(description=_("in this state since"), ordering="waiting_since")
    def waiting(self, obj):
        return obj.waiting_since

    def has_change_permission(self, request, obj=None):
        # Nothing here is edited by hand: saving the form would write back a status read before
        # a concurrent step. Steps go through transition_view, which only needs to view.
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a submission keeps its history: it is withdrawn, declined or unpublished instead

    # One item --------------------------------------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/transition/",
                self.admin_site.admin_view(require_POST(self.transition_view)),
                name=f"{opts.app_label}_{opts.model_name}_transition",
            ),
            path(
                "<path:object_id>/message/",
                self.admin_site.admin_view(require_POST(self.message_view)),
                name=f"{opts.app_label}_{opts.model_name}_message",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            extra_context = {**(extra_context or {}), **self.workflow_context(request, obj)}
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_context(self, request, obj, message_form=None):
        workflow = self.model.workflow
        opts = self.model._meta
        transitions = workflow.available(obj, request.user)
        context = {
            "workflow_state": workflow.current(obj),
            "workflow_seen_state": getattr(obj, workflow.state_field),
            "workflow_transitions": transitions,
            "workflow_step_groups": grouped_steps(transitions),
            "workflow_history": history_for_staff(obj),
            "workflow_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_transition", args=[obj.pk]),
            "workflow_versions": versions_with_changes(obj) if isinstance(obj, Versioned) else None,
            "workflow_thread": None,
        }
        if workflow.thread is not None:
            context.update(
                {
                    "workflow_thread": messages_of(obj),
                    "workflow_thread_title": self.thread_title,
                    "workflow_thread_open": is_open(obj)
                    and workflow.thread.staff_role in workflow.roles_of(request.user, obj),
                    "workflow_message_form": message_form or ThreadMessageForm(),
                    "workflow_message_url": reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_message", args=[obj.pk]
                    ),
                    "workflow_attachment_url_name": self.thread_attachment_url_name,
                }
            )
        return context

    # The thread's title, and the site's URL name (submission id, message id) of its attachments.
    thread_title = _("Messages with the applicant")
    thread_attachment_url_name = None

    def _object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        return obj

    def _back(self, obj, anchor=""):
        opts = self.model._meta
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]) + anchor)

    def transition_view(self, request, object_id):
        obj = self._object(request, object_id)
        take_posted_step(request, obj)
        return self._back(obj)

    def message_view(self, request, object_id):
        obj = self._object(request, object_id)
        if self.model.workflow.thread is None:
            raise Http404
        form = ThreadMessageForm(request.POST, request.FILES)
        if form.is_valid():
            if answer := already_sent(request):
                return answer
            try:
                if post_thread_message(request, obj, form):
                    return sent(request, self._back(obj, "#thread"))
            except Http404:
                raise PermissionDenied from None  # staff without the right to write in the thread
        else:
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
        return self._back(obj, "#thread")


class SettingsWorkflowAdminMixin(WorkflowAdminMixin):
    """For a thing staff set up themselves and move through a workflow (a call, a scorecard): its
    own fields are edited here, its status never. Put it before the ModelAdmin class."""

    def has_change_permission(self, request, obj=None):
        return super(WorkflowAdminMixin, self).has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        # Only what the form changed: saving the whole row would write back a status read before a
        # concurrent step, and undo it.
        if not change:
            obj.save()
        elif form.changed_data:
            obj.save(update_fields=[name for name in form.changed_data if name in self._own_fields()])

    def _own_fields(self):
        return {field.name for field in self.model._meta.concrete_fields}


class EditableWhile:
    """For an inline of the parts of something moved by a workflow (a scorecard's criteria, a call's
    questions, a tender's documents): the parts may be added, changed or removed only while its state
    carries `editable_flag`, and are fixed from then on. Put it before the inline class."""

    editable_flag = None

    def editable(self, obj):
        return obj is None or self.parent_model.workflow.has(obj, self.editable_flag)

    def has_add_permission(self, request, obj=None):
        return self.editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.editable(obj) and super().has_delete_permission(request, obj)
