from .comments import Block, Comment, Report
from .processes import Phase, ProcessIndexPage, ProcessPage
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
    "Phase",
    "ProcessIndexPage",
    "ProcessPage",
    "Proposal",
    "ProposalStateChange",
    "ProposalTranslation",
    "Report",
    "Support",
]
