"""Front-end views of a participation process, routed through ProcessPage."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Site

from core.files import serve_private
from core.params import choice_param, id_param, text_param
from core.refusals import StorageUnavailable, require
from portal.models.listing import paginate
from portal.taxonomy.selectors import fields_for_active_locale

from . import rules, selectors, services, states
from .forms import (
    PROPOSAL_FIELDS,
    AssistedProposalForm,
    CommentForm,
    DecisionForm,
    ProposalForm,
    ReportForm,
    TranslationForm,
)
from .models import Comment, Follow, Proposal, Support

# Refusals are not caught here: `require` (and every service) raises NotAllowed, and
# core.refusals.RefusalMiddleware explains it with the process's refusal template, leading
# back to the process (ProcessPage.serve names it as the page to return to).


def process_index(request, process):
    rules.remember_for_request(request.user)
    proposals, chosen = selectors.proposal_list(request, process.canonical)
    page = paginate(request, proposals, per_page=chosen["anzahl"])
    page.object_list = selectors.count_comments(page.object_list)
    # Each card's link as {% routablepageurl %} makes it, the page's own URL found once.
    base = process.relative_url(Site.find_for_request(request), request).rstrip("/") + "/"
    for proposal in page.object_list:
        proposal.detail_url = base + process.reverse_subpage("detail", args=(proposal.pk,))
    context = process.get_context(request)
    context.update(
        proposals=page,
        page_sizes=selectors.PAGE_SIZES,
        chosen=chosen,
        fields=fields_for_active_locale(),
        public_states=[(key, label) for key, label in states.STATES if key in states.PUBLIC_STATES],
        current_phase=process.phase_at(),
        next_phase=process.next_phase(),
        phases=process.ordered_phases(),
        submit_decision=rules.can_submit(request.user, process.canonical),
        can_enter=rules.can_enter_for_resident(request.user, process.canonical),
        can_export=rules.can_export(request.user, process.canonical),
        threshold=process.canonical.support_threshold,
        vote_decision=rules.can_vote(request.user, process.canonical),
        results_decision=rules.can_see_results(request.user, process.canonical),
    )
    return TemplateResponse(request, "participation/process_page.html", context)


def _proposal_data(form):
    return {name: form.cleaned_data[name] for name in PROPOSAL_FIELDS if name in form.cleaned_data}


def _detail_url(process, proposal, anchor=""):
    return process.subpage_url("detail", proposal.pk) + anchor


def proposal_create(request, process, assisted=False):
    require(
        rules.can_enter_for_resident(request.user, process.canonical)
        if assisted
        else rules.can_submit(request.user, process.canonical),
        process,
    )
    form_class = AssistedProposalForm if assisted else ProposalForm
    form = form_class(
        request.POST or None,
        request.FILES or None,
        process=process.canonical,
        initial={"client_token": uuid.uuid4(), "language": request.LANGUAGE_CODE},
        holder=request,
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = form.cleaned_data
        else:
            try:
                proposal, created = services.proposal_create_once(
                    process=process.canonical,
                    author=None if assisted else request.user,
                    entered_by=request.user if assisted else None,
                    data=_proposal_data(form),
                    submit="submit" in request.POST,
                    client_token=form.cleaned_data.get("client_token"),
                )
            except StorageUnavailable as refused:
                # The object store is down: nothing saved, the form comes back as typed.
                form.add_error(None, refused.message)
                context = process.get_context(request)
                context.update(form=form, preview=None, assisted=assisted, editing=None)
                return TemplateResponse(
                    request, "participation/proposal_form.html", context, status=503
                )
            form.release_held()
            if created:
                messages.success(
                    request,
                    _(
                        "Ihr Vorschlag ist eingereicht. Das Stadtteilbüro prüft ihn und "
                        "veröffentlicht ihn dann."
                    )
                    if proposal.state == states.SUBMITTED
                    else _("Ihr Entwurf ist gespeichert. Sie können ihn später einreichen."),
                )
            return redirect(_detail_url(process, proposal))
    context = process.get_context(request)
    context.update(form=form, preview=preview, assisted=assisted, editing=None)
    return TemplateResponse(
        request, "participation/proposal_form.html", context, status=_form_status(form)
    )


def _form_status(form):
    """503 when the file storage did not take a file (the form comes back as typed)."""
    return 503 if getattr(form, "storage_unavailable", False) else 200


def _get_proposal(request, process, pk):
    proposal = get_object_or_404(
        Proposal.objects.select_related("field_of_action", "author", "entered_by"),
        pk=pk,
        process=process.canonical,
    )
    if not rules.can_view(request.user, proposal):
        raise Http404
    return proposal


def proposal_detail(request, process, pk):
    proposal = _get_proposal(request, process, pk)
    user = request.user
    context = process.get_context(request)
    title, description, _language, _translation = selectors.displayed(proposal)
    if proposal.hidden:
        # Link previews and search engines never get the text the moderation took down.
        description = _("Dieser Vorschlag wurde von der Moderation ausgeblendet.")
    context.update(
        proposal=proposal,
        share_title=title,
        share_description=description,
        history=proposal.history.all(),
        supported=user.is_authenticated
        and Support.objects.filter(proposal=proposal, user=user).exists(),
        following=user.is_authenticated
        and Follow.objects.filter(proposal=proposal, user=user).exists(),
        support_decision=rules.can_support(user, proposal),
        edit_decision=rules.can_edit(user, proposal),
        withdraw_decision=rules.can_withdraw(user, proposal),
        restore_decision=rules.can_restore(user, proposal),
        translate_decision=rules.can_translate(user, proposal),
        follow_decision=rules.can_follow(user, proposal),
        decisions=[
            (state, label)
            for state, label in states.STATES
            if state in states.OFFICE_TRANSITIONS.get(proposal.state, ())
            and rules.can_decide(user, proposal, state)
        ],
        decision_form=DecisionForm(),
        comments=_comment_tree(proposal, user),
        comment_decision=rules.can_comment(user, proposal),
        comment_form=CommentForm(
            staff=bool(rules.can_answer_officially(user, proposal)), auto_id="comment-%s"
        ),
        threshold_reached=bool(
            process.canonical.support_threshold
            and proposal.support_count >= process.canonical.support_threshold
        ),
    )
    return TemplateResponse(request, "participation/proposal_detail.html", context)


def proposal_file(request, process, pk, which):
    """A proposal's image or attachment while it is private (draft, hidden, withdrawn): for
    its author and the office. Published files are linked at their public address."""
    proposal = _get_proposal(request, process, pk)
    if not rules.can_view_files(request.user, proposal):
        raise Http404
    if which == "image":
        return serve_private(request, proposal.image, proposal.image.name, inline_ok=True)
    return serve_private(request, proposal.attachment, proposal.attachment_filename)


def proposal_edit(request, process, pk):
    proposal = _get_proposal(request, process, pk)
    require(rules.can_edit(request.user, proposal), process)
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        instance=proposal,
        process=process,
        holder=request,
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = form.cleaned_data
        else:
            services.proposal_update(
                proposal=proposal,
                user=request.user,
                data=_proposal_data(form),
                submit="submit" in request.POST,
            )
            form.release_held()
            messages.success(request, _("Ihre Änderungen sind gespeichert."))
            return redirect(_detail_url(process, proposal))
    context = process.get_context(request)
    context.update(form=form, preview=preview, assisted=False, editing=proposal)
    return TemplateResponse(
        request, "participation/proposal_form.html", context, status=_form_status(form)
    )


def _post_action(request, process, pk, action):
    proposal = _get_proposal(request, process, pk)
    action(proposal)
    return redirect(_detail_url(process, proposal))


@require_POST
def proposal_support(request, process, pk):
    def act(proposal):
        if request.POST.get("support") == "0":
            services.support_remove(proposal=proposal, user=request.user)
            messages.success(request, _("Sie unterstützen den Vorschlag nicht mehr."))
        else:
            services.support_add(proposal=proposal, user=request.user)
            messages.success(request, _("Danke! Sie unterstützen diesen Vorschlag."))

    return _post_action(request, process, pk, act)


@require_POST
def proposal_follow(request, process, pk):
    def act(proposal):
        follow = request.POST.get("follow") != "0"
        services.follow_set(proposal=proposal, user=request.user, follow=follow)
        messages.success(
            request,
            _("Sie erhalten Neuigkeiten zu diesem Vorschlag.")
            if follow
            else _("Sie erhalten keine Neuigkeiten mehr zu diesem Vorschlag."),
        )

    return _post_action(request, process, pk, act)


def proposal_withdraw(request, process, pk):
    """Withdrawing asks first (a page of its own, so it works without JavaScript); the
    author can undo it while the phase lasts (`proposal_restore`)."""
    proposal = _get_proposal(request, process, pk)
    require(rules.can_withdraw(request.user, proposal), process)
    if request.method == "POST" and request.POST.get("confirm") == "1":
        services.proposal_withdraw(proposal=proposal, user=request.user)
        phase = process.canonical.phase_at()
        messages.success(
            request,
            _(
                "Ihr Vorschlag ist zurückgezogen. Bis zum Ende der Phase „%(phase)s“ "
                "können Sie das rückgängig machen."
            )
            % {"phase": phase}
            if phase
            else _("Ihr Vorschlag ist zurückgezogen."),
        )
        return redirect(_detail_url(process, proposal))
    context = process.get_context(request)
    context.update(proposal=proposal, phase=process.canonical.phase_at())
    return TemplateResponse(request, "participation/proposal_withdraw.html", context)


@require_POST
def proposal_restore(request, process, pk):
    def act(proposal):
        services.proposal_restore(proposal=proposal, user=request.user)
        messages.success(request, _("Ihr Vorschlag ist wieder da, im selben Stand wie vorher."))

    return _post_action(request, process, pk, act)


@require_POST
def proposal_decide(request, process, pk):
    proposal = _get_proposal(request, process, pk)
    to_state = text_param(request.POST, "to_state", max_length=40)
    require(rules.can_decide(request.user, proposal, to_state), process)
    form = DecisionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if to_state in states.NEEDS_REASON and not reason.strip():
        messages.error(request, _("Bitte begründen Sie diese Entscheidung öffentlich."))
        return redirect(_detail_url(process, proposal))
    services.proposal_decide(proposal=proposal, user=request.user, to_state=to_state, reason=reason)
    messages.success(request, _("Der Stand des Vorschlags ist geändert."))
    return redirect(_detail_url(process, proposal))


def _comment_tree(proposal, user):
    """Top-level comments with their replies, two queries whatever the number."""
    comments = list(proposal.comments.select_related("author"))
    replies = {}
    for comment in comments:
        comment.editable = bool(rules.can_edit_comment(user, comment))
        comment.reportable = bool(rules.can_report(user, comment)) and not comment.hidden
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
    top = [comment for comment in comments if comment.parent_id is None]
    for comment in top:
        comment.reply_list = replies.get(comment.pk, [])
    return top


@require_POST
def comment_add(request, process, pk):
    proposal = _get_proposal(request, process, pk)
    staff = bool(rules.can_answer_officially(request.user, proposal))
    form = CommentForm(request.POST, staff=staff)
    parent = None
    if form.is_valid() and form.cleaned_data.get("parent"):
        parent = proposal.comments.filter(pk=form.cleaned_data["parent"]).first()
    if not form.is_valid():
        messages.error(request, _("Bitte schreiben Sie einen Kommentar (höchstens 3000 Zeichen)."))
        return redirect(_detail_url(process, proposal, "#kommentare"))
    services.comment_add(
        proposal=proposal,
        user=request.user,
        text=form.cleaned_data["text"],
        parent=parent,
        official=form.cleaned_data.get("official", False),
    )
    messages.success(request, _("Ihr Kommentar ist veröffentlicht."))
    return redirect(_detail_url(process, proposal, "#kommentare"))


def comment_edit(request, process, comment_id):
    comment = get_object_or_404(
        Comment.objects.select_related("proposal"),
        pk=comment_id,
        proposal__process=process.canonical,
    )
    require(rules.can_edit_comment(request.user, comment), process)
    form = CommentForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        services.comment_edit(comment=comment, user=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Ihr Kommentar ist geändert."))
        return redirect(_detail_url(process, comment.proposal, "#kommentare"))
    context = process.get_context(request)
    context.update(form=form, comment=comment)
    return TemplateResponse(request, "participation/comment_form.html", context)


def report(request, process, pk):
    proposal = _get_proposal(request, process, pk)
    target = proposal
    raw_comment_id = request.GET.get("kommentar") or request.POST.get("kommentar")
    comment_id = id_param({"kommentar": raw_comment_id}, "kommentar")
    if raw_comment_id:
        if comment_id is None:
            raise Http404
        target = get_object_or_404(Comment, pk=comment_id, proposal=proposal)
    require(rules.can_report(request.user, target), process)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_add(target=target, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request, _("Danke für Ihre Meldung. Die Moderation sieht sich den Beitrag an.")
        )
        return redirect(_detail_url(process, proposal))
    context = process.get_context(request)
    context.update(form=form, proposal=proposal, target=target, comment_id=comment_id)
    return TemplateResponse(request, "participation/report_form.html", context)


def export(request, process, kind):
    from . import exports

    require(rules.can_export(request.user, process.canonical), process)
    if kind == "xlsx":
        return exports.xlsx_response(process.canonical)
    return exports.csv_response(process.canonical)


def proposal_translate(request, process, pk):
    proposal = _get_proposal(request, process, pk)
    require(rules.can_translate(request.user, proposal), process)
    language = choice_param(request.GET, "sprache", settings.LANGUAGES) or choice_param(
        request.POST, "language", settings.LANGUAGES
    )
    existing = proposal.translations.filter(language=language).first() if language else None
    initial = {"language": language}
    if existing:
        initial.update(title=existing.title, description=existing.description)
    form = TranslationForm(request.POST or None, proposal=proposal, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.translation_save(proposal=proposal, user=request.user, **form.cleaned_data)
        messages.success(request, _("Die Übersetzung ist gespeichert."))
        return redirect(_detail_url(process, proposal))
    context = process.get_context(request)
    context.update(form=form, proposal=proposal)
    return TemplateResponse(request, "participation/translation_form.html", context)
