"""What the intranet holds about a person: export and erasure on account deletion.

Minutes are official records of the body: attendance at meetings that have begun and votes
in closed circulations keep the person's name as text, as it was recorded (the account link
is removed). Memberships, conflicts of interest and what has not happened yet go with the
account; tasks and minutes comments stay without the person ("gelöschtes Konto").
"""

from django.utils import timezone

from core import privacy

from .models import (
    ActionItem,
    Attendance,
    CirculationVote,
    ConflictOfInterest,
    DocumentVersion,
    Membership,
    MinutesComment,
)

SECTION = "intranet"


def recorded_name(user):
    """The name the minutes keep: the full name, never the e-mail address."""
    return (user.get_full_name() or privacy.DELETED_ACCOUNT)[:120]


def export(user):
    memberships = Membership.objects.filter(user=user).select_related("workspace")
    tasks = ActionItem.objects.filter(assignee=user).select_related("workspace")
    attendance = Attendance.objects.filter(user=user).select_related("meeting__workspace")
    conflicts = ConflictOfInterest.objects.filter(user=user).select_related("item__meeting")
    votes = CirculationVote.objects.filter(user=user).select_related("circulation")
    comments = MinutesComment.objects.filter(author=user).select_related("meeting")
    versions = DocumentVersion.objects.filter(uploaded_by=user).select_related("document")
    data = {
        "memberships": [
            {
                "workspace": m.workspace.title,
                "role": m.role,
                "voting": m.voting,
                "resident": m.resident,
                "editor": m.editor,
                "start": m.start,
                "end": m.end,
                "public_name": m.public_name,
            }
            for m in memberships
        ],
        "tasks": [
            {
                "workspace": t.workspace.title,
                "title": t.title,
                "due": t.due,
                "status": t.status,
                "done_at": t.done_at,
            }
            for t in tasks
        ],
        "attendance": [
            {
                "workspace": a.meeting.workspace.title,
                "meeting": a.meeting.title,
                "starts_at": a.meeting.starts_at,
                "status": a.status,
            }
            for a in attendance
        ],
        "conflicts_of_interest": [
            {
                "meeting": c.item.meeting.title,
                "item": str(c.item),
                "declared_at": c.declared_at,
                "found_by_fund": c.reason,
                "confirmed": c.confirmed,
            }
            for c in conflicts
        ],
        "circulation_votes": [
            {
                "circulation": v.circulation.title,
                "value": v.value,
                "conflict": v.conflict,
                "cast_at": v.cast_at,
            }
            for v in votes
        ],
        "minutes_comments": [
            {"meeting": c.meeting.title, "text": c.text, "created_at": c.created_at}
            for c in comments
        ],
        # The files belong to the body's records: listed, not copied into the export.
        "uploaded_document_versions": [
            {
                "document": v.document.title,
                "version": v.number,
                "file": v.filename,
                "note": v.note,
                "created_at": v.created_at,
            }
            for v in versions
        ],
    }
    return privacy.Export(data)


def erase(user):
    now = timezone.now()
    name = recorded_name(user)
    held = Attendance.objects.filter(user=user, meeting__starts_at__lte=now)
    kept = Attendance.objects.filter(pk__in=list(held.values_list("pk", flat=True))).update(
        user=None, guest_name=name, former_member=True
    )
    closed = CirculationVote.objects.filter(user=user, circulation__closed_at__isnull=False)
    votes_kept = CirculationVote.objects.filter(
        pk__in=list(closed.values_list("pk", flat=True))
    ).update(user=None, voter_name=name[:150])
    return {
        "attendance_kept_as_name": kept,
        "attendance_removed": Attendance.objects.filter(user=user).delete()[0],
        "circulation_votes_kept_as_name": votes_kept,
        "open_circulation_votes_removed": CirculationVote.objects.filter(user=user).delete()[0],
        "conflicts_removed": ConflictOfInterest.objects.filter(user=user).delete()[0],
        "memberships_removed": Membership.objects.filter(user=user).delete()[0],
        "tasks_unassigned": ActionItem.objects.filter(assignee=user).update(assignee=None),
        "minutes_comments_anonymised": MinutesComment.objects.filter(author=user).update(
            author=None
        ),
    }


def register():
    privacy.register_exporter(SECTION, export)
    privacy.register_eraser(SECTION, erase)
