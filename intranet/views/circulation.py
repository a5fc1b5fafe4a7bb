"""Decisions by circulation: start one, vote, see the result after the deadline."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.params import text_param
from core.refusals import Refused, require

from .. import bodies, rules
from ..forms import CirculationForm
from ..models import Circulation, CirculationVote
from ..services import circulation as services
from .common import context


def circulation_new(request, page):
    require(rules.can_view_workspace(request.user, page), page)
    require(rules.can_start_circulation(request.user, page), page)
    form = CirculationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            started = services.start(workspace=page, user=request.user, **form.cleaned_data)
        except Refused as refused:
            form.add_error("deadline", refused.message)
        else:
            messages.success(request, _("Das Umlaufverfahren läuft."))
            return redirect(page.route_url("circulation", started.pk))
    return TemplateResponse(
        request,
        "intranet/circulation_form.html",
        context(request, page, form=form),
        status=400 if request.method == "POST" else 200,
    )


def circulation(request, page, pk):
    require(rules.can_view_workspace(request.user, page), page)
    current = get_object_or_404(Circulation, pk=pk, workspace=page)
    services.close(current)  # closes it if the deadline has passed (idempotent)
    current.refresh_from_db()
    error, status = "", 200
    if request.method == "POST" and "withdraw" in request.POST:
        require(rules.can_withdraw_circulation(request.user, current), page)
        services.withdraw(circulation=current, user=request.user)
        messages.success(request, _("Das Umlaufverfahren ist zurückgezogen."))
        return redirect(page.route_url("circulation", current.pk))
    if request.method == "POST":
        try:
            services.vote(
                circulation=current,
                user=request.user,
                value=text_param(request.POST, "value", max_length=20),
                conflict=request.POST.get("conflict") == "1",
            )
        except Refused as refused:
            error, status = refused.message, 400
        else:
            messages.success(
                request, _("Ihre Stimme ist gespeichert. Sie können sie bis zur Frist ändern.")
            )
            return redirect(page.route_url("circulation", current.pk))
    own = CirculationVote.objects.filter(circulation=current, user=request.user).first()
    return TemplateResponse(
        request,
        "intranet/circulation.html",
        context(
            request,
            page,
            circulation=current,
            decision=getattr(current, "decision", None) if current.closed_at else None,
            own=own,
            vote_choices=CirculationVote.Value.choices,
            can_vote=rules.can_vote_in_circulation(request.user, current),
            can_withdraw=rules.can_withdraw_circulation(request.user, current),
            votes_cast=current.votes.count(),
            majority_text=bodies.rule_text(page.majority_rule),
            error=error,
            now=timezone.now(),
        ),
        status=status,
    )
