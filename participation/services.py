"""Participation workflows. Each checks the rules, runs in a transaction and records history."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from core.files import set_public, sync_files_on_commit
from core.refusals import NotAllowed, Refused, require  # noqa: F401 - NotAllowed: for callers
from core.uploads import ATTACHMENT, IMAGE, check_field

from . import notifications, rules, states
from .models import (
    Block,
    Comment,
    Follow,
    Proposal,
    ProposalStateChange,
    ProposalTranslation,
    Report,
    Support,
)

FILE_FIELDS = ("image", "attachment")


def sync_files(proposal_pk):
    """Put the proposal's image and attachment in the storage its publication asks for:
    public while published and not hidden, private otherwise."""
    proposal = Proposal.objects.select_related("process").filter(pk=proposal_pk).first()
    if proposal is not None:
        set_public(proposal, FILE_FIELDS, rules.files_are_public(proposal))


def _sync_files_on_commit(proposal):
    """Files are not transactional: move them once the change is committed (again later
    while the object store is down)."""
    sync_files_on_commit("participation.services.sync_files", proposal.pk)


def _checked_files(data):
    """New files through the core upload check (forms did it already; this guards every
    other caller)."""
    data = dict(data)
    for field, policy in (("image", IMAGE), ("attachment", ATTACHMENT)):
        if data.get(field):
            try:
                data[field] = check_field(data[field], policy)
            except ValidationError as refused:
                raise Refused(" ".join(refused.messages)) from None
    return data


def _record(proposal, to_state, actor, reason=""):
    from_state = proposal.state
    proposal.state = to_state
    ProposalStateChange.objects.create(
        proposal=proposal,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        public_reason=reason,
    )
    _sync_files_on_commit(proposal)
    if from_state != states.DRAFT or to_state != states.SUBMITTED:
        transaction.on_commit(lambda: notifications.state_changed(proposal, actor))


@transaction.atomic
def proposal_create(*, process, author, data, submit, entered_by=None):
    """Create a draft, or submit it at once. Staff entering for a resident record consent."""
    if entered_by is not None:
        require(rules.can_enter_for_resident(entered_by, process))
    else:
        require(rules.can_submit(author, process))
    data = _checked_files(data)
    proposal = Proposal(process=process, author=author, entered_by=entered_by, **data)
    proposal.consent_recorded = entered_by is not None
    proposal.save()
    ProposalStateChange.objects.create(
        proposal=proposal, from_state="", to_state=states.DRAFT, actor=entered_by or author
    )
    if submit:
        _submit(proposal, entered_by or author)
    return proposal


def proposal_create_once(*, process, author, data, submit, client_token, entered_by=None):
    """`proposal_create`, once per form: the same form sent again (a double click, a reload,
    two requests at once) finds the proposal its token made. Returns (proposal, created)."""
    existing = _made_with(client_token)
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            proposal = proposal_create(
                process=process,
                author=author,
                entered_by=entered_by,
                data={**data, "client_token": client_token},
                submit=submit,
            )
    except IntegrityError:  # the other request of a pair won the unique token
        existing = _made_with(client_token)
        if not existing:
            raise
        return existing, False
    return proposal, True


def _made_with(client_token):
    return client_token and Proposal.objects.filter(client_token=client_token).first()


def _submit(proposal, actor):
    proposal.submitted_at = timezone.now()
    _record(proposal, states.SUBMITTED, actor)
    proposal.save(update_fields=["state", "submitted_at", "updated_at"])


@transaction.atomic
def proposal_update(*, proposal, user, data, submit):
    require(rules.can_edit(user, proposal))
    before = {name: getattr(proposal, name).name for name in FILE_FIELDS}
    for field, value in _checked_files(data).items():
        if field in FILE_FIELDS and value is False:  # the form's "remove file" box
            value = ""
            if field == "attachment":
                proposal.attachment_name = ""
        setattr(proposal, field, value)
    proposal.save()
    for name, old in before.items():
        fieldfile = getattr(proposal, name)
        if old and fieldfile.name != old:  # replaced: the old file goes, once committed
            transaction.on_commit(lambda f=fieldfile, o=old: f.storage.delete(o))
    _sync_files_on_commit(proposal)  # a new file arrives private
    if submit and proposal.state == states.DRAFT:
        require(rules.can_submit(user, proposal.process))
        _submit(proposal, user)
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal, user):
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(rules.can_withdraw(user, proposal))
    _record(proposal, states.WITHDRAWN, user)
    proposal.save(update_fields=["state", "updated_at"])
    return proposal


@transaction.atomic
def proposal_restore(*, proposal, user):
    """Undo a withdrawal: the proposal returns to the state it was withdrawn from."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(rules.can_restore(user, proposal))
    previous = rules.withdrawal(proposal).from_state or states.DRAFT
    _record(proposal, previous, user)
    proposal.save(update_fields=["state", "updated_at"])
    return proposal


@transaction.atomic
def proposal_decide(*, proposal, user, to_state, reason=""):
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(rules.can_decide(user, proposal, to_state))
    if to_state in states.NEEDS_REASON and not reason.strip():
        raise ValueError("a public reason is required")
    _record(proposal, to_state, user, reason.strip())
    proposal.save(update_fields=["state", "updated_at"])
    return proposal


def support_add(*, proposal, user):
    """Support once; a second attempt (double click, two tabs) changes nothing."""
    require(rules.can_support(user, proposal))
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, user=user)
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


def support_remove(*, proposal, user):
    require(rules.can_support(user, proposal))
    with transaction.atomic():
        deleted, _details = Support.objects.filter(proposal=proposal, user=user).delete()
        if deleted:
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
    return bool(deleted)


@transaction.atomic
def follow_set(*, proposal, user, follow):
    require(rules.can_follow(user, proposal))
    if follow:
        Follow.objects.get_or_create(proposal=proposal, user=user)
    else:
        Follow.objects.filter(proposal=proposal, user=user).delete()


# --- comments, reports, moderation ------------------------------------------------------


@transaction.atomic
def comment_add(*, proposal, user, text, parent=None, official=False):
    require(rules.can_comment(user, proposal, parent))
    if official:
        require(rules.can_answer_officially(user, proposal))
    comment = Comment.objects.create(
        proposal=proposal, parent=parent, author=user, text=text, official=official
    )
    transaction.on_commit(lambda: notifications.comment_added(comment))
    return comment


@transaction.atomic
def comment_edit(*, comment, user, text):
    require(rules.can_edit_comment(user, comment))
    comment.text = text
    comment.edited_at = timezone.now()
    comment.save(update_fields=["text", "edited_at"])
    return comment


@transaction.atomic
def report_add(*, target, user, reason):
    """Record a report once per person; hide the target when the process's limit is reached."""
    require(rules.can_report(user, target))
    field = "proposal" if isinstance(target, Proposal) else "comment"
    try:
        with transaction.atomic():
            report = Report.objects.create(**{field: target}, reporter=user, reason=reason)
    except IntegrityError:
        return False
    transaction.on_commit(lambda: notifications.report_added(report, moderators()))
    process = target.process if field == "proposal" else target.proposal.process
    open_reports = Report.objects.filter(**{field: target}, resolved=False).count()
    if open_reports >= process.reports_to_hide and not target.hidden:
        _set_hidden(target, True, "", None, automatic=True)
    return True


def _set_hidden(target, hidden, reason, user, automatic=False):
    from wagtail.log_actions import log

    target.hidden = hidden
    fields = ["hidden"]
    if hasattr(target, "hidden_reason"):
        target.hidden_reason = reason
        fields.append("hidden_reason")
    target.save(update_fields=fields)
    if isinstance(target, Proposal):
        _sync_files_on_commit(target)
    action = "participation.hide" if hidden else "participation.restore"
    log(
        instance=target,
        action=action,
        user=user,
        data={"reason": reason, "automatic": automatic},
    )


@transaction.atomic
def moderate(*, target, user, hide, reason=""):
    require(rules.can_moderate(user, target))
    _set_hidden(target, hide, reason.strip(), user)
    Report.objects.filter(
        **{"proposal" if isinstance(target, Proposal) else "comment": target}
    ).update(resolved=True)
    return target


@transaction.atomic
def block_user(*, person, user, reason):
    from wagtail.log_actions import log

    require(rules.can_block(user, person))
    block, _created = Block.objects.update_or_create(
        user=person, defaults={"reason": reason, "blocked_by": user}
    )
    log(instance=block, action="participation.block", user=user, data={"reason": reason})
    return block


def moderators():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    permission = Permission.objects.get(
        content_type__app_label="participation", codename="moderate_proposal"
    )
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(groups__permissions=permission)
            | Q(user_permissions=permission),
            is_active=True,
        )
        .distinct()
    )


@transaction.atomic
def translation_save(*, proposal, user, language, title, description):
    """Add or replace the translation into one language (never into the original's)."""
    require(rules.can_translate(user, proposal))
    if language == proposal.language:
        raise ValueError("a proposal is not translated into its own language")
    translation, _created = ProposalTranslation.objects.update_or_create(
        proposal=proposal,
        language=language,
        defaults={
            "title": title,
            "description": description,
            "translated_by": user,
            "by_office": not rules.is_author(user, proposal),
        },
    )
    return translation
