from .comments import Block, Comment, Report
from .processes import Phase, ProcessPage
from .proposals import Follow, Proposal, ProposalStateChange, Support

__all__ = [
    "Block",
    "Comment",
    "Follow",
    "Phase",
    "ProcessPage",
    "Proposal",
    "ProposalStateChange",
    "Report",
    "Support",
]
