"""Front-end views of a participation process, routed through ProcessPage."""

import uuid

from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.models.listing import paginate
from portal.taxonomy.selectors import fields_for_active_locale

from . import rules, selectors, services, states
from .forms import PROPOSAL_FIELDS, AssistedProposalForm, DecisionForm, ProposalForm
from .models import Follow, Proposal, Support


def not_allowed(request, process, decision, status=403):
    """Explains why an action is not possible and what the person can do."""
    return TemplateResponse(
        request,
        "participation/not_allowed.html",
        {"page": process, "decision": decision, "login_kind": rules.LOGIN},
        status=status,
    )


def process_index(request, process):
    proposals, chosen = selectors.proposal_list(request, process.canonical)
    context = process.get_context(request)
    context.update(
        proposals=paginate(request, proposals, per_page=12),
        chosen=chosen,
        fields=fields_for_active_locale(),
        public_states=[(key, label) for key, label in states.STATES if key in states.PUBLIC_STATES],
        current_phase=process.phase_at(),
        phases=process.ordered_phases(),
        submit_decision=rules.can_submit(request.user, process.canonical),
        can_enter=rules.can_enter_for_resident(request.user, process.canonical),
    )
    return TemplateResponse(request, "participation/process_page.html", context)


def _proposal_data(form):
    return {name: form.cleaned_data[name] for name in PROPOSAL_FIELDS if name in form.cleaned_data}


def proposal_create(request, process, assisted=False):
    decision = (
        rules.can_enter_for_resident(request.user, process.canonical)
        if assisted
        else rules.can_submit(request.user, process.canonical)
    )
    if not decision:
        return not_allowed(request, process, decision)
    form_class = AssistedProposalForm if assisted else ProposalForm
    form = form_class(
        request.POST or None,
        request.FILES or None,
        process=process.canonical,
        initial={"client_token": uuid.uuid4(), "language": request.LANGUAGE_CODE},
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = form.cleaned_data
        else:
            token = form.cleaned_data.get("client_token")
            existing = token and Proposal.objects.filter(client_token=token).first()
            if existing:  # the same form sent twice
                return redirect(process.url + f"vorschlaege/{existing.pk}/")
            data = _proposal_data(form)
            data["client_token"] = token
            try:
                proposal = services.proposal_create(
                    process=process.canonical,
                    author=None if assisted else request.user,
                    entered_by=request.user if assisted else None,
                    data=data,
                    submit="submit" in request.POST,
                )
            except IntegrityError:
                proposal = Proposal.objects.get(client_token=token)
            messages.success(
                request,
                _(
                    "Ihr Vorschlag ist eingereicht. Das Stadtteilbüro prüft ihn und "
                    "veröffentlicht ihn dann."
                )
                if proposal.state == states.SUBMITTED
                else _("Ihr Entwurf ist gespeichert. Sie können ihn später einreichen."),
            )
            return redirect(process.url + f"vorschlaege/{proposal.pk}/")
    context = process.get_context(request)
    context.update(form=form, preview=preview, assisted=assisted, editing=None)
    return TemplateResponse(request, "participation/proposal_form.html", context)


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
    context.update(
        proposal=proposal,
        history=proposal.history.all(),
        supported=user.is_authenticated
        and Support.objects.filter(proposal=proposal, user=user).exists(),
        following=user.is_authenticated
        and Follow.objects.filter(proposal=proposal, user=user).exists(),
        support_decision=rules.can_support(user, proposal),
        edit_decision=rules.can_edit(user, proposal),
        withdraw_decision=rules.can_withdraw(user, proposal),
        follow_decision=rules.can_follow(user, proposal),
        decisions=[
            (state, label)
            for state, label in states.STATES
            if rules.can_decide(user, proposal, state)
        ],
        decision_form=DecisionForm(),
        threshold_reached=bool(
            process.canonical.support_threshold
            and proposal.support_count >= process.canonical.support_threshold
        ),
    )
    return TemplateResponse(request, "participation/proposal_detail.html", context)


def proposal_edit(request, process, pk):
    proposal = _get_proposal(request, process, pk)
    decision = rules.can_edit(request.user, proposal)
    if not decision:
        return not_allowed(request, process, decision)
    form = ProposalForm(
        request.POST or None, request.FILES or None, instance=proposal, process=process
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = form.cleaned_data
        else:
            try:
                services.proposal_update(
                    proposal=proposal,
                    user=request.user,
                    data=_proposal_data(form),
                    submit="submit" in request.POST,
                )
            except services.NotAllowed as error:
                return not_allowed(request, process, error.decision)
            messages.success(request, _("Ihre Änderungen sind gespeichert."))
            return redirect(process.url + f"vorschlaege/{proposal.pk}/")
    context = process.get_context(request)
    context.update(form=form, preview=preview, assisted=False, editing=proposal)
    return TemplateResponse(request, "participation/proposal_form.html", context)


def _post_action(request, process, pk, action):
    proposal = _get_proposal(request, process, pk)
    try:
        action(proposal)
    except services.NotAllowed as error:
        return not_allowed(request, process, error.decision)
    return redirect(process.url + f"vorschlaege/{proposal.pk}/")


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


@require_POST
def proposal_withdraw(request, process, pk):
    def act(proposal):
        services.proposal_withdraw(proposal=proposal, user=request.user)
        messages.success(request, _("Ihr Vorschlag ist zurückgezogen."))

    return _post_action(request, process, pk, act)


@require_POST
def proposal_decide(request, process, pk):
    proposal = _get_proposal(request, process, pk)
    to_state = request.POST.get("to_state", "")
    decision = rules.can_decide(request.user, proposal, to_state)
    if not decision:
        return not_allowed(request, process, decision)
    form = DecisionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if to_state in states.NEEDS_REASON and not reason.strip():
        messages.error(request, _("Bitte begründen Sie diese Entscheidung öffentlich."))
        return redirect(process.url + f"vorschlaege/{proposal.pk}/")
    services.proposal_decide(proposal=proposal, user=request.user, to_state=to_state, reason=reason)
    messages.success(request, _("Der Stand des Vorschlags ist geändert."))
    return redirect(process.url + f"vorschlaege/{proposal.pk}/")
