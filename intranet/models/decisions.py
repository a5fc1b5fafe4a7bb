"""Decisions (in a meeting or by circulation) and the action items that follow from them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .. import bodies


class Decision(models.Model):
    workspace = models.ForeignKey(
        "intranet.WorkspacePage", on_delete=models.CASCADE, related_name="decisions"
    )
    item = models.ForeignKey(
        "intranet.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    circulation = models.OneToOneField(
        "intranet.Circulation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decision",
    )
    text = models.TextField(_("Beschluss"), max_length=5000)
    yes = models.PositiveIntegerField(_("Ja"), default=0)
    no = models.PositiveIntegerField(_("Nein"), default=0)
    abstain = models.PositiveIntegerField(_("Enthaltung"), default=0)
    majority_rule = models.CharField(max_length=12, choices=bodies.MajorityRule.choices)
    eligible = models.PositiveIntegerField(default=0)
    present = models.PositiveIntegerField(default=0)
    quorum_required = models.PositiveIntegerField(default=0)
    quorate = models.BooleanField(default=True)
    carried = models.BooleanField(_("angenommen"))
    decided_on = models.DateField(_("beschlossen am"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Beschluss")
        verbose_name_plural = _("Beschlüsse")
        ordering = ["decided_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(item__isnull=False) | Q(circulation__isnull=False),
                name="decision_in_meeting_or_circulation",
            ),
            models.CheckConstraint(
                condition=Q(carried=False) | Q(quorate=True), name="no_decision_without_quorum"
            ),
        ]

    def __str__(self):
        return self.text[:60]


class TaskState(models.TextChoices):
    OPEN = "open", _("offen")
    DONE = "done", _("erledigt")


# The names callers used before the choices existed.
OPEN = TaskState.OPEN
DONE = TaskState.DONE
TASK_STATES = TaskState.choices


class ActionItem(models.Model):
    State = TaskState

    workspace = models.ForeignKey(
        "intranet.WorkspacePage", on_delete=models.CASCADE, related_name="action_items"
    )
    item = models.ForeignKey(
        "intranet.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    title = models.CharField(_("Aufgabe"), max_length=300)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zuständig"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    due = models.DateField(_("fällig am"))
    status = models.CharField(
        _("Stand"), max_length=10, choices=TaskState.choices, default=TaskState.OPEN
    )
    done_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Aufgabe")
        verbose_name_plural = _("Aufgaben")
        ordering = ["due", "pk"]
        indexes = [models.Index(fields=["assignee", "status", "due"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.workspace.route_url("task", self.pk)


class Circulation(models.Model):
    """A decision by circulation (Umlaufverfahren): voting members vote online by a deadline."""

    workspace = models.ForeignKey(
        "intranet.WorkspacePage", on_delete=models.CASCADE, related_name="circulations"
    )
    title = models.CharField(_("Titel"), max_length=200)
    text = models.TextField(_("Beschlussvorschlag"), max_length=5000)
    deadline = models.DateTimeField(_("Frist"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Withdrawn before its deadline: closed without a decision (closed_at is set too).
    withdrawn_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Umlaufverfahren")
        verbose_name_plural = _("Umlaufverfahren")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.workspace.route_url("circulation", self.pk)


class VoteValue(models.TextChoices):
    YES = "yes", _("Ja")
    NO = "no", _("Nein")
    ABSTAIN = "abstain", _("Enthaltung")


class CirculationVote(models.Model):
    Value = VoteValue

    circulation = models.ForeignKey(Circulation, on_delete=models.CASCADE, related_name="votes")
    # Null once the voter's account is deleted after the circulation closed; `voter_name`
    # then keeps the name as it was (intranet/privacy.py), and the vote stays counted.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    voter_name = models.CharField(max_length=150, blank=True, editable=False)
    value = models.CharField(max_length=10, choices=VoteValue.choices)
    conflict = models.BooleanField(_("befangen"), default=False)
    # Excluded when the circulation started (the member is the applicant, as the fund
    # found): the vote stays a conflict whatever the member sends.
    excluded = models.BooleanField(default=False, editable=False)
    cast_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["circulation", "user"], name="one_circulation_vote")
        ]

    def __str__(self):
        return f"{self.circulation_id}: {self.user_id}"
