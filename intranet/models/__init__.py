from .activity import Activity
from .decisions import ActionItem, Circulation, CirculationVote, Decision
from .documents import DocumentText, DocumentVersion
from .meetings import AgendaItem, Attendance, ConflictOfInterest, Meeting, MinutesComment
from .membership import Membership
from .pages import IntranetIndexPage, WorkspacePage
from .public import BodiesPage

__all__ = [
    "ActionItem",
    "Activity",
    "AgendaItem",
    "BodiesPage",
    "Attendance",
    "Circulation",
    "CirculationVote",
    "ConflictOfInterest",
    "Decision",
    "DocumentText",
    "DocumentVersion",
    "IntranetIndexPage",
    "Meeting",
    "MinutesComment",
    "Membership",
    "WorkspacePage",
]
