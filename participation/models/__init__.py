from .comments import Block, Comment, Report
from .notifications import NotificationPreference, PendingNotification
from .processes import Phase, ProcessPage
from .proposals import Follow, Proposal, ProposalStateChange, ProposalTranslation, Support

__all__ = [
    "Block",
    "Comment",
    "Follow",
    "NotificationPreference",
    "PendingNotification",
    "Phase",
    "ProcessPage",
    "Proposal",
    "ProposalStateChange",
    "ProposalTranslation",
    "Report",
    "Support",
]
