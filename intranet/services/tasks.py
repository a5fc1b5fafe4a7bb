"""Action items: given to a member in a meeting, marked done, and reminders before they
are due."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.notifications import notify
from core.refusals import Refused, require
from core.tasks import send_email

from .. import rules
from ..models import ActionItem, Activity, Membership
from .activity import record

REMIND_DAYS_BEFORE = 2


def open_tasks_for(user):
    return (
        ActionItem.objects.filter(assignee=user, status=ActionItem.State.OPEN)
        .select_related("workspace", "item__meeting")
        .order_by("due", "pk")
    )


def assignable(workspace):
    """Who may take a task: the body's active members, never its guests."""
    return (
        Membership.objects.active()
        .filter(workspace=workspace)
        .exclude(role=Membership.Role.GUEST)
        .select_related("user")
    )


def _check_assignee(workspace, assignee):
    if assignee is not None and not assignable(workspace).filter(user=assignee).exists():
        raise Refused(
            _("Aufgaben können nur Mitgliedern des Gremiums zugeordnet werden, nicht Gästen.")
        )


@transaction.atomic
def add_action_item(*, workspace, user, title, assignee, due, item=None):
    """A task, from an agenda item or outside any meeting (`item` None)."""
    require(rules.can_manage_meetings(user, workspace))
    _check_assignee(workspace, assignee)
    task = ActionItem.objects.create(
        workspace=workspace, item=item, title=title, assignee=assignee, due=due
    )
    record(
        workspace,
        Activity.Kind.TASK,
        _("Neue Aufgabe: %(title)s") % {"title": title},
        task.get_absolute_url(),
        user,
        told=[assignee],
    )
    _tell_assignee(task, user)
    return task


def _tell_assignee(task, user):
    """The person now responsible hears of it at once (kind "intranet_tasks")."""
    if task.assignee is None:
        return
    notify(
        task.assignee,
        "intranet_tasks",
        lambda: (
            _("%(body)s: Ihnen wurde die Aufgabe „%(title)s“ übertragen.")
            % {"body": task.workspace.title, "title": task.title}
        ),
        settings.SITE_URL + task.get_absolute_url(),
        exclude=user,
        title=task.title,
        group=task.workspace.title,
    )


@transaction.atomic
def update_task(*, task, user, title, assignee, due):
    """Change a task's title, due date or the person responsible; a new person is told."""
    require(rules.can_manage_meetings(user, task.workspace))
    _check_assignee(task.workspace, assignee)
    # As stored: a model form may already have put the new values on `task`.
    before = ActionItem.objects.filter(pk=task.pk).values_list("assignee_id", flat=True).first()
    reassigned = assignee is not None and assignee.pk != before
    task.title, task.assignee, task.due = title, assignee, due
    if reassigned:
        task.reminded_at = None
    task.save(update_fields=["title", "assignee", "due", "reminded_at"])
    record(
        task.workspace,
        Activity.Kind.TASK,
        _("Aufgabe geändert: %(title)s") % {"title": title},
        task.get_absolute_url(),
        user,
        notify_members=False,
    )
    if reassigned:
        _tell_assignee(task, user)
    return task


@transaction.atomic
def set_done(*, task, user, done=True):
    require(rules.can_update_task(user, task))
    task.status = ActionItem.State.DONE if done else ActionItem.State.OPEN
    task.done_at = timezone.now() if done else None
    task.save(update_fields=["status", "done_at"])
    if done:
        record(
            task.workspace,
            Activity.Kind.TASK,
            _("Aufgabe erledigt: %(title)s") % {"title": task.title},
            task.get_absolute_url(),
            user,
            notify_members=False,
        )
    return task


def send_reminders(today=None):
    """Once a day: remind assignees of tasks due within two days (once per task)."""
    today = today or timezone.localdate()
    due = ActionItem.objects.filter(
        Q(due__lte=today + timedelta(days=REMIND_DAYS_BEFORE)),
        status=ActionItem.State.OPEN,
        reminded_at__isnull=True,
        assignee__isnull=False,
        assignee__is_active=True,
    ).select_related("assignee", "workspace")
    sent = 0
    for task in due:
        person = task.assignee
        if not rules.membership(person, task.workspace) and not rules.is_office(person):
            continue  # left the body: no mail about its work
        with translation.override(person.language or "de"):
            body = render_to_string(
                "intranet/email/task_reminder.txt",
                {
                    "task": task,
                    "url": settings.SITE_URL + task.get_absolute_url(),
                    "overdue": task.due < today,
                },
            )
            subject = _("Erinnerung: %(title)s (fällig am %(due)s)") % {
                "title": task.title,
                "due": task.due.strftime("%d.%m.%Y"),
            }
        send_email.enqueue(subject=subject, body=body, recipients=[person.email])
        ActionItem.objects.filter(pk=task.pk).update(reminded_at=timezone.now())
        sent += 1
    return sent
