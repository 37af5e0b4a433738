"""The Secretariat's to-do list on the admin's first page.

For every workflow whose admin the signed-in person may view: how many items wait for staff in each
state flagged AWAITING, and since when the oldest has waited, each linking to the queue filtered on
that state; then the mail that failed or whose delivery is uncertain. It is read off the registered
admins and the workflows' declarations (WorkflowAdminMixin, the AWAITING flag), so a programme's new
workflow appears here without code of its own. One query per workflow and one for the mail,
whatever the data.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from django.db.models import Count, Min
from django.urls import reverse
from django.utils.http import urlencode

from .notifications.models import Notification
from .workflow.admin import WorkflowAdminMixin
from .workflow.definitions import AWAITING


@dataclass(frozen=True)
class Line:
    label: str
    count: int
    oldest: datetime | None
    url: str


@dataclass(frozen=True)
class Queue:
    title: str
    url: str
    lines: list

    @property
    def total(self):
        return sum(line.count for line in self.lines)


def workflow_queues(request, admin_site):
    """One Queue per workflow admin the person may view, in the order the admin lists its apps."""
    queues = []
    admins = [
        model_admin
        for model, model_admin in admin_site._registry.items()
        if isinstance(model_admin, WorkflowAdminMixin) and model_admin.has_view_permission(request)
    ]
    for model_admin in sorted(admins, key=lambda a: (a.opts.app_label, str(a.opts.verbose_name_plural))):
        workflow = model_admin.model.workflow
        field = workflow.state_field
        counted = {
            row[field]: row
            for row in model_admin.get_queryset(request)
            .filter(workflow.q(AWAITING))
            .order_by()
            .values(field)
            .annotate(count=Count("pk"), oldest=Min("waiting_since"))
        }
        changelist = reverse(f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_changelist")
        lines = [
            Line(
                label=state.staff_label,
                count=counted[state.name]["count"],
                oldest=counted[state.name]["oldest"],
                url=f"{changelist}?{urlencode({f'{field}__exact': state.name})}",
            )
            for state in workflow.states
            if state.name in counted
        ]
        queues.append(
            Queue(title=str(model_admin.opts.verbose_name_plural).capitalize(), url=changelist, lines=lines)
        )
    return queues


def mail_to_look_at(request, admin_site):
    """Failed and delivery-uncertain notifications, if the person may view them; else None."""
    model_admin = admin_site._registry.get(Notification)
    if model_admin is None or not model_admin.has_view_permission(request):
        return None
    troubled = [Notification.Status.FAILED, Notification.Status.UNCERTAIN]
    counted = {
        row["status"]: row
        for row in Notification.objects.filter(status__in=troubled)
        .order_by()
        .values("status")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
    }
    changelist = reverse("admin:notifications_notification_changelist")
    lines = [
        Line(
            label=status.label,
            count=counted[status]["count"],
            oldest=counted[status]["oldest"],
            url=f"{changelist}?{urlencode({'status__exact': status})}",
        )
        for status in troubled
        if status in counted
    ]
    return Queue(title=str(Notification._meta.verbose_name_plural).capitalize(), url=changelist, lines=lines)


def with_todo_list(index, admin_site):
    """The admin site's index view, given the to-do list."""

    @wraps(index)
    def index_with_todo_list(request, extra_context=None):
        context = {
            "todo_queues": workflow_queues(request, admin_site),
            "todo_mail": mail_to_look_at(request, admin_site),
            **(extra_context or {}),
        }
        return index(request, context)

    return index_with_todo_list
