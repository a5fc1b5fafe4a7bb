"""Meetings with an ordered agenda, attendance, conflicts of interest and minutes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("geplant")
    INVITED = "invited", _("eingeladen")
    HELD = "held", _("stattgefunden")
    CANCELLED = "cancelled", _("abgesagt")


class MinutesState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    CIRCULATED = "circulated", _("zur Durchsicht verschickt")
    APPROVED = "approved", _("genehmigt")
    PUBLISHED = "published", _("für Mitglieder veröffentlicht")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("anwesend")
    EXCUSED = "excused", _("entschuldigt")
    ABSENT = "absent", _("abwesend")


# The names callers used before the choices existed.
PLANNED = MeetingState.PLANNED
INVITED = MeetingState.INVITED
HELD = MeetingState.HELD
CANCELLED = MeetingState.CANCELLED
MEETING_STATES = MeetingState.choices
DRAFT = MinutesState.DRAFT
CIRCULATED = MinutesState.CIRCULATED
APPROVED = MinutesState.APPROVED
PUBLISHED = MinutesState.PUBLISHED
MINUTES_STATES = MinutesState.choices
PRESENT = AttendanceStatus.PRESENT
EXCUSED = AttendanceStatus.EXCUSED
ABSENT = AttendanceStatus.ABSENT
ATTENDANCE = AttendanceStatus.choices


class Meeting(models.Model):
    State = MeetingState
    MinutesState = MinutesState

    workspace = models.ForeignKey(
        "intranet.WorkspacePage", on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("Titel"), max_length=200)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    online_link = models.URLField(_("Link zur Online-Sitzung"), blank=True)
    public = models.BooleanField(
        _("öffentliche Sitzung"),
        default=False,
        help_text=_(
            "Termin und öffentliche Tagesordnungspunkte erscheinen im Portal und in OParl."
        ),
    )
    state = models.CharField(
        _("Stand"), max_length=10, choices=MeetingState.choices, default=MeetingState.PLANNED
    )
    invited_at = models.DateTimeField(_("eingeladen am"), null=True, blank=True)
    minutes_state = models.CharField(
        _("Stand des Protokolls"),
        max_length=12,
        choices=MinutesState.choices,
        default=MinutesState.DRAFT,
    )
    minutes_approved_at = models.ForeignKey(
        "self",
        verbose_name=_("genehmigt in der Sitzung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes",
    )
    public_minutes_published = models.BooleanField(
        _("öffentliches Protokoll veröffentlicht"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["workspace", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.workspace.route_url("meeting", self.pk)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("Nummer"))
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Erläuterung"), blank=True, max_length=5000)
    public = models.BooleanField(_("öffentlicher Punkt"), default=True)
    documents = models.ManyToManyField(
        "wagtaildocs.Document", verbose_name=_("Unterlagen"), blank=True, related_name="+"
    )
    summary = models.TextField(_("Protokoll"), blank=True, max_length=20000)
    public_summary = models.TextField(
        _("Öffentliche Fassung (ohne Namen)"), blank=True, max_length=20000
    )

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="one_item_per_position")
        ]

    def __str__(self):
        return f"TOP {self.position}: {self.title}"

    def declared_conflicts(self):
        """Conflicts that count (declared, recorded or confirmed); reads the prefetch."""
        return [c for c in self.conflicts.all() if c.confirmed]

    def conflicts_to_confirm(self):
        """Conflicts the fund suspects from a name alone, for the chair to confirm."""
        return [c for c in self.conflicts.all() if not c.confirmed]


class Attendance(models.Model):
    Status = AttendanceStatus

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    guest_name = models.CharField(_("Gast"), max_length=120, blank=True)
    # The member's account was deleted after the meeting: `guest_name` keeps the name as it
    # was recorded (core.privacy, intranet/privacy.py), so the minutes stay as they were.
    former_member = models.BooleanField(default=False, editable=False)
    status = models.CharField(
        _("Anwesenheit"),
        max_length=10,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.PRESENT,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(user__isnull=False),
                name="one_attendance_per_member",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(guest_name=""), name="attendance_names_someone"
            ),
        ]

    def __str__(self):
        return f"{self.meeting_id}: {self.user_id or self.guest_name} {self.status}"


class ConflictOfInterest(models.Model):
    """A member declares Befangenheit for one item: out of its vote and its quorum."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="conflicts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    declared_at = models.DateTimeField(auto_now_add=True)
    # Who wrote down a conflict announced at the table (chair, minute-taker, office); empty
    # when the member declared it themselves.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Found by the fund, not declared: why (the member is the applicant, or named in the
    # application). Unconfirmed when only a name matches: the chair confirms or strikes it;
    # until then the member still counts for the quorum.
    reason = models.CharField(_("Hinweis"), max_length=300, blank=True, editable=False)
    confirmed = models.BooleanField(_("bestätigt"), default=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="one_conflict_per_item")
        ]

    def __str__(self):
        return f"{self.item_id}: {self.user_id}"


class MinutesComment(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("Anmerkung"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
