"""The office's side: the formal check, payments, the settlement check, the overview of
money and applications (also for the jury) and the annual report."""

from django.contrib import messages
from django.db.models import F
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.formats import money
from core.params import int_param
from core.refusals import Refused, require
from core.tables import Cell, Column, Table
from intranet import interface as intranet

from .. import exports, rules, services
from ..forms import (
    CheckForm,
    CloseSettlementForm,
    DeadlineForm,
    MissingReceiptForm,
    PaymentForm,
    ReceiptCheckForm,
)
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


def _again(request, page, application, key, form, error=""):
    """The status page again with the office's form as typed (and the refusal, if any)."""
    return application_detail(
        request, page, application.pk, forms={key: form}, error=error, status=400
    )


def extend(request, page, fund, application):
    require(rules.can_extend_deadline(request.user, application), page)
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        return _again(request, page, application, "deadline", form)
    try:
        services.extend_deadline(
            application=application, user=request.user, page_url=page.url, **form.cleaned_data
        )
    except Refused as refused:
        return _again(request, page, application, "deadline", form, refused.message)
    messages.success(request, _("Die Frist ist verlängert; die Antragstellenden sind informiert."))
    return back_to(page, application)


def check_receipt(request, page, fund, application):
    require(rules.can_check_settlement(request.user, application), page)
    receipt = application.receipts.filter(pk=int_param(request.POST, "receipt_pk", 0)).first()
    if receipt is None:
        raise Http404
    form = ReceiptCheckForm(request.POST, prefix=f"r{receipt.pk}")
    if not form.is_valid():
        return _again(request, page, application, f"receipt-{receipt.pk}", form)
    try:
        services.check_receipt(
            application=application,
            user=request.user,
            receipt=receipt,
            status=form.cleaned_data["status"],
            amount=form.cleaned_data["amount"],
            reason=form.cleaned_data["reason"],
        )
    except Refused as refused:
        return _again(request, page, application, f"receipt-{receipt.pk}", form, refused.message)
    messages.success(request, _("Der Beleg ist geprüft."))
    return back_to(page, application)


def missing_receipt(request, page, fund, application):
    require(rules.can_check_settlement(request.user, application), page)
    form = MissingReceiptForm(request.POST)
    if not form.is_valid():
        return _again(request, page, application, "missing", form)
    try:
        services.ask_for_receipt(
            application=application, user=request.user, page_url=page.url, **form.cleaned_data
        )
    except Refused as refused:
        return _again(request, page, application, "missing", form, refused.message)
    messages.success(
        request, _("Die Antragstellenden sind gebeten, den fehlenden Beleg nachzureichen.")
    )
    return back_to(page, application)


def settle_check(request, page, fund, application):
    require(rules.can_check_settlement(request.user, application), page)
    form = CloseSettlementForm(request.POST)
    if not form.is_valid():
        return _again(request, page, application, "close", form)
    try:
        proven = services.check_settlement(
            application=application, user=request.user, page_url=page.url, **form.cleaned_data
        )
    except Refused as refused:
        return _again(request, page, application, "close", form, refused.message)
    messages.success(
        request, _("Abrechnung abgeschlossen: %(proven)s abgerechnet.") % {"proven": money(proven)}
    )
    return back_to(page, application)


SORTS = {"": ("state", "-submitted_at"), "frist": ("settlement_due", "state", "-submitted_at")}


def _chosen_fund(fund, year):
    """The fund of the same name and area in `year` (this page's fund if there is none)."""
    funds = list(type(fund).objects.filter(name=fund.name, area=fund.area).order_by("-year"))
    return next((f for f in funds if str(f.year) == year), fund), funds


def _filters(request, fund):
    """The office's filters from the query string: year, state, meeting, sorting; anything
    unknown is ignored (shows all)."""
    chosen, funds = _chosen_fund(fund, request.GET.get("jahr", ""))
    meetings = list(
        intranet.Meeting.objects.filter(items__fund_application__fund=chosen)
        .distinct()
        .order_by("-starts_at")
    )
    state = request.GET.get("stand", "")
    meeting = int_param(request.GET, "sitzung", None)
    sort = request.GET.get("sortierung", "")
    return {
        "fund": chosen,
        "years": [(f.year, f.year) for f in funds],
        "year": chosen.year,
        "states": [(key, label) for key, label in State.choices if key != State.DRAFT],
        "state": state if state in State.values and state != State.DRAFT else "",
        "meetings": [
            (m.pk, f"{timezone.localtime(m.starts_at):%d.%m.%Y}: {m.title}") for m in meetings
        ],
        "meeting": meeting if meeting in {m.pk for m in meetings} else None,
        "sorts": [("frist", _("Abrechnungsfrist"))],
        "sort": sort if sort in SORTS else "",
    }


def _applications(filters):
    applications = (
        Application.objects.filter(fund=filters["fund"])
        .exclude(state=State.DRAFT)
        .select_related("agenda_item__meeting")
    )
    if filters["state"]:
        applications = applications.filter(state=filters["state"])
    if filters["meeting"]:
        applications = applications.filter(agenda_item__meeting_id=filters["meeting"])
    order = SORTS[filters["sort"]]
    if filters["sort"] == "frist":
        return applications.order_by(F("settlement_due").asc(nulls_last=True), *order[1:])
    return applications.order_by(*order)


def _applications_table(page, applications):
    return Table(
        caption=_("Anträge in dieser Auswahl"),
        columns=[
            Column(_("Aktion")),
            Column(_("Stand")),
            Column(_("Jurysitzung")),
            Column(_("Beantragt"), numeric=True),
            Column(_("Abrechnung bis")),
        ],
        rows=[
            [
                Cell(a.title, url=page.application_url(a)),
                a.get_state_display(),
                date_format(timezone.localtime(a.agenda_item.meeting.starts_at).date())
                if a.agenda_item_id
                else "",
                money(a.requested_amount),
                date_format(a.settlement_due) if a.settlement_due else "",
            ]
            for a in applications
        ],
        caption_id="applications-caption",
        empty_text=_("Keine Anträge für diese Auswahl."),
    )


def office(request, page):
    fund = fund_of(request, page)
    require(rules.can_view_ledger(request.user, fund), page)
    filters = _filters(request, fund)
    fund = filters["fund"]
    require(rules.can_view_ledger(request.user, fund), page)
    ledger = services.ledger(fund)
    chart = exports.ledger_bars(ledger)
    applications = list(_applications(filters))
    return TemplateResponse(
        request,
        "fund/office.html",
        context(
            request,
            page,
            fund=fund,
            filters=filters,
            ledger=ledger,
            applications=applications,
            applications_table=_applications_table(page, applications),
            chart=chart,
            is_staff=rules.is_staff(request.user),
            entries=fund.entries.select_related("application").order_by("-created_at")[:30],
        ),
    )


def annual_report(request, page, kind):
    fund = fund_of(request, page)
    require(rules.can_see_report(request.user), page)
    if kind not in ("csv", "excel-csv", "xlsx", "pdf"):
        raise Http404
    chosen, _funds = _chosen_fund(fund, request.GET.get("jahr", ""))
    return exports.annual_report(request, chosen, kind)
