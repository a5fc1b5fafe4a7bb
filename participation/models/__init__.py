from .processes import Phase, ProcessPage
from .proposals import Follow, Proposal, ProposalStateChange, Support

__all__ = ["Follow", "Phase", "ProcessPage", "Proposal", "ProposalStateChange", "Support"]
