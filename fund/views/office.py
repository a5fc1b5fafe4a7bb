"""The office's side: the formal check, payments, the settlement check, the overview of
money and applications (also for the jury) and the annual report."""

from django.contrib import messages
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.formats import money
from core.refusals import require
from core.tables import Column, Table

from .. import exports, rules, services
from ..forms import CheckForm, PaymentForm
from ..models import Application
from ..models.applications import State
from .common import back_to, context, fund_of
from .detail import application_detail


def check(request, page, fund, application):
    form = CheckForm(request.POST)
    if not form.is_valid():
        return application_detail(request, page, application.pk, forms={"check": form}, status=400)
    services.formal_check(
        application=application, user=request.user, page_url=page.url, **form.cleaned_data
    )
    messages.success(request, _("Die Prüfung ist gespeichert."))
    return back_to(page, application)


def pay(request, page, fund, application):
    form = PaymentForm(request.POST)
    if not form.is_valid():
        return application_detail(
            request, page, application.pk, forms={"payment": form}, status=400
        )
    services.record_payment(application=application, user=request.user, **form.cleaned_data)
    messages.success(request, _("Die Auszahlung ist gebucht."))
    return back_to(page, application)


def settle_check(request, page, fund, application):
    proven = services.check_settlement(
        application=application, user=request.user, page_url=page.url
    )
    messages.success(
        request, _("Abrechnung geprüft: %(proven)s nachgewiesen.") % {"proven": money(proven)}
    )
    return back_to(page, application)


def _ledger_table(chart):
    """The ledger's figures beside its chart."""
    return Table(
        caption=_("Mittel in Zahlen"),
        columns=[Column(_("Mittel")), Column(_("Betrag"), numeric=True)],
        rows=[[bar["label"], money(bar["amount"])] for bar in chart],
        caption_id="ledger-table-caption",
    )


def office(request, page):
    fund = fund_of(request, page)
    require(rules.can_view_ledger(request.user, fund), page)
    ledger = services.ledger(fund)
    chart = exports.ledger_bars(ledger)
    applications = (
        Application.objects.filter(fund=fund)
        .exclude(state=State.DRAFT)
        .order_by("state", "-submitted_at")
    )
    return TemplateResponse(
        request,
        "fund/office.html",
        context(
            request,
            page,
            fund=fund,
            ledger=ledger,
            applications=applications,
            chart=chart,
            ledger_table=_ledger_table(chart),
            is_staff=rules.is_staff(request.user),
            entries=fund.entries.select_related("application").order_by("-created_at")[:30],
        ),
    )


def annual_report(request, page, kind):
    fund = fund_of(request, page)
    require(rules.can_see_report(request.user), page)
    if kind not in ("csv", "xlsx", "pdf"):
        raise Http404
    return exports.annual_report(request, fund, kind)
