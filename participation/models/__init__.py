from .comments import Block, Comment, Report
from .notifications import NotificationPreference, PendingNotification
from .processes import Phase, ProcessPage
from .proposals import Follow, Proposal, ProposalStateChange, ProposalTranslation, Support
from .verification import ResidentVerification, Street
from .voting import Ballot, Vote, VotingCode, VotingCodeBatch

__all__ = [
    "Ballot",
    "ResidentVerification",
    "Street",
    "Vote",
    "VotingCode",
    "VotingCodeBatch",
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
