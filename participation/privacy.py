"""What participation holds about a person: export, erasure on account deletion, retention.

Decisions (docs/privacy.md):
- Proposals and comments stay, without their author ("gelöschtes Konto"); drafts, which
  nobody else has seen, are deleted with their files.
- Supports: the marks are deleted with the account, the proposal's `support_count` is kept:
  the support was given while the account existed and may already have carried the proposal
  over a threshold. A support withdrawn later by someone else still lowers the count by one.
- Ballots are not linked to accounts (a keyed hash stands for the voter): they stay counted,
  and their content is not part of the export.
"""

from django.db.models import Q

from core import privacy

from . import states
from .models import (
    Block,
    Comment,
    Follow,
    Proposal,
    ProposalTranslation,
    Report,
    ResidentVerification,
    Support,
)

SECTION = "participation"


def _proposal_files(proposal):
    files = []
    for fieldfile, name in (
        (proposal.image, ""),
        (proposal.attachment, proposal.attachment_name),
    ):
        if fieldfile:
            path = privacy.file_path("proposals", fieldfile, prefix=f"{proposal.pk}-", name=name)
            files.append((path, fieldfile))
    return files


def export(user):
    verification = ResidentVerification.objects.filter(user=user).select_related("street").first()
    proposals = list(
        Proposal.objects.filter(author=user).select_related("process", "field_of_action")
    )
    comments = list(Comment.objects.filter(author=user).select_related("proposal"))
    supports = list(Support.objects.filter(user=user).select_related("proposal"))
    follows = list(Follow.objects.filter(user=user).select_related("proposal"))
    reports = list(Report.objects.filter(reporter=user))
    translations = list(ProposalTranslation.objects.filter(translated_by=user))
    block = Block.objects.filter(user=user).first()
    files = []
    for proposal in proposals:
        files.extend(_proposal_files(proposal))
    data = {
        "verification": verification
        and {
            "method": verification.method,
            "method_label": str(verification.get_method_display()),
            "age_16": verification.age_16,
            "street": verification.street.name if verification.street else None,
            "verified_at": verification.verified_at,
        },
        "ballots": "Stimmzettel sind nicht mit Konten verknüpft und nicht Teil des Exports.",
        "proposals": [
            {
                "id": p.pk,
                "process": p.process.title,
                "title": p.title,
                "description": p.description,
                "field_of_action": p.field_of_action.name if p.field_of_action else None,
                "place": p.place,
                "requested_budget": p.requested_budget,
                "language": p.language,
                "state": p.state,
                "hidden": p.hidden,
                "hidden_reason": p.hidden_reason,
                "created_at": p.created_at,
                "submitted_at": p.submitted_at,
                "support_count": p.support_count,
                "image": p.image.name or None,
                "image_alt": p.image_alt,
                "attachment": p.attachment.name or None,
            }
            for p in proposals
        ],
        "proposal_translations": [
            {
                "proposal_id": t.proposal_id,
                "language": t.language,
                "title": t.title,
                "description": t.description,
            }
            for t in translations
        ],
        "comments": [
            {
                "id": c.pk,
                "proposal_id": c.proposal_id,
                "proposal": c.proposal.title,
                "reply_to": c.parent_id,
                "text": c.text,
                "hidden": c.hidden,
                "created_at": c.created_at,
                "edited_at": c.edited_at,
            }
            for c in comments
        ],
        "supports": [
            {"proposal_id": s.proposal_id, "proposal": s.proposal.title, "since": s.created_at}
            for s in supports
        ],
        "follows": [
            {"proposal_id": f.proposal_id, "proposal": f.proposal.title, "since": f.created_at}
            for f in follows
        ],
        "reports": [
            {
                "proposal_id": r.proposal_id,
                "comment_id": r.comment_id,
                "reason": r.reason,
                "created_at": r.created_at,
            }
            for r in reports
        ],
        "block": block and {"reason": block.reason, "since": block.created_at},
    }
    return privacy.Export(data, files)


def erase(user):
    drafts = list(Proposal.objects.filter(author=user, state=states.DRAFT))
    files = [f for p in drafts for f in (p.image, p.attachment)]
    Proposal.objects.filter(pk__in=[p.pk for p in drafts]).delete()
    privacy.delete_files(files)
    return {
        "draft_proposals_deleted": len(drafts),
        "proposals_anonymised": Proposal.objects.filter(author=user).update(author=None),
        "comments_anonymised": Comment.objects.filter(author=user).update(author=None),
        "supports_removed_count_kept": Support.objects.filter(user=user).delete()[0],
        "follows_removed": Follow.objects.filter(user=user).delete()[0],
        "reports_anonymised": Report.objects.filter(reporter=user).update(reporter=None),
        "verification_removed": ResidentVerification.objects.filter(user=user).delete()[0],
        "translations_anonymised": ProposalTranslation.objects.filter(translated_by=user).update(
            translated_by=None
        ),
    }


def purge_drafts(now):
    """Proposals never submitted and unchanged for DRAFT_RETENTION_DAYS."""
    expired = Proposal.objects.filter(
        Q(state=states.DRAFT), updated_at__lt=privacy.cutoff(now, "DRAFT_RETENTION_DAYS")
    )
    drafts = list(expired.only("pk", "image", "attachment"))
    privacy.delete_files([f for p in drafts for f in (p.image, p.attachment)])
    Proposal.objects.filter(pk__in=[p.pk for p in drafts]).delete()
    return len(drafts)


def register():
    privacy.register_exporter(SECTION, export)
    privacy.register_eraser(SECTION, erase)
    privacy.register_purger("participation.draft_proposals", "DRAFT_RETENTION_DAYS", purge_drafts)
