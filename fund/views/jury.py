"""The jury's side: the decision in the running meeting (or deferral), and a decision by
circulation between meetings. A refused vote comes back with what was typed."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.refusals import Refused
from intranet import interface as intranet

from .. import services
from ..forms import CirculationForm, DecisionForm
from .common import back_to
from .detail import application_detail


def decide(request, page, fund, application):
    if "defer" in request.POST:
        services.defer(application=application, user=request.user, page_url=page.url)
        messages.success(request, _("Der Antrag ist vertagt."))
        return back_to(page, application)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return application_detail(
            request, page, application.pk, forms={"decision": form}, status=400
        )
    try:
        services.decide(
            application=application, user=request.user, page_url=page.url, **form.cleaned_data
        )
    except Refused as refused:
        return application_detail(
            request,
            page,
            application.pk,
            forms={"decision": form},
            error=refused.message,
            status=400,
        )
    messages.success(
        request, _("Die Entscheidung ist eingetragen; die Antragstellenden sind informiert.")
    )
    return back_to(page, application)


def circulate(request, page, fund, application):
    form = CirculationForm(request.POST)
    if not form.is_valid():
        return application_detail(
            request, page, application.pk, forms={"circulation": form}, status=400
        )
    try:
        started = services.start_circulation(
            application=application, user=request.user, page_url=page.url, **form.cleaned_data
        )
    except Refused as refused:
        return application_detail(
            request,
            page,
            application.pk,
            forms={"circulation": form},
            error=refused.message,
            status=400,
        )
    messages.success(request, _("Das Umlaufverfahren läuft."))
    return redirect(intranet.circulation_url(started))
