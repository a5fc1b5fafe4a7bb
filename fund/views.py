"""Front-end views of the fund, routed through FundPage."""

from decimal import Decimal

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exports import pdf_response
from core.refusals import not_allowed
from intranet import interface as intranet

from . import exports, rules, services
from .forms import (
    ApplicationForm,
    CheckForm,
    CirculationForm,
    CostFormSet,
    DecisionForm,
    IncomeFormSet,
    PaymentForm,
    ReceiptFormSet,
    SettlementForm,
)
from .models import Application
from .models import applications as a


def _fund(page):
    fund = page.canonical_fund
    if fund is None:
        raise Http404
    return fund


def _context(request, page, **extra):
    data = page.get_context(request)
    data.update(extra)
    return data


def fund_index(request, page):
    fund = _fund(page)
    meetings = intranet.upcoming_meetings(fund.jury)[:4]
    from datetime import timedelta

    dates = [
        {"meeting": m.starts_at, "deadline": m.starts_at - timedelta(days=fund.deadline_days)}
        for m in meetings
    ]
    mine = (
        Application.objects.filter(applicant=request.user, fund=fund)
        if request.user.is_authenticated
        else []
    )
    return TemplateResponse(
        request,
        "fund/index.html",
        _context(
            request,
            page,
            fund=fund,
            dates=dates,
            mine=mine,
            can_apply=rules.can_apply(request.user, fund),
            can_assist=rules.can_enter_for_applicant(request.user, fund),
            is_staff=rules.is_staff(request.user),
        ),
    )


def _formsets(request, fund, application=None):
    """Cost and income formsets; "add a row" re-renders with one more, nothing lost."""
    if request.method == "POST":
        data = request.POST.copy()
        for prefix, button in (("cost", "add_cost"), ("income", "add_income")):
            if button in data:
                data[f"{prefix}-TOTAL_FORMS"] = str(int(data.get(f"{prefix}-TOTAL_FORMS", 0)) + 1)
        return (
            CostFormSet(data, prefix="cost", form_kwargs={"fund": fund}),
            IncomeFormSet(data, prefix="income"),
        )
    costs = (
        [
            {"cost_type": c.cost_type, "description": c.description, "amount": c.amount}
            for c in application.costs.all()
        ]
        if application
        else []
    )
    income = (
        [{"source": i.source, "amount": i.amount} for i in application.income.all()]
        if application
        else []
    )
    return (
        CostFormSet(initial=costs or None, prefix="cost", form_kwargs={"fund": fund}),
        IncomeFormSet(initial=income or None, prefix="income"),
    )


def _rows(formset):
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def application_form(request, page, assisted=False, pk=None):
    fund = _fund(page)
    application = None
    if pk is not None:
        application = get_object_or_404(Application, pk=pk, fund=fund)
        decision = rules.can_edit(request.user, application)
        assisted = bool(application.entered_by_id)
    else:
        decision = (
            rules.can_enter_for_applicant(request.user, fund)
            if assisted
            else rules.can_apply(request.user, fund)
        )
    if not decision:
        return not_allowed(request, page, decision)
    form = ApplicationForm(
        request.POST or None,
        instance=application,
        fund=fund,
        assisted=assisted,
        initial=None if application else {"language": request.LANGUAGE_CODE},
    )
    costs, income = _formsets(request, fund, application)
    error, status = "", 200
    adding = request.method == "POST" and (
        "add_cost" in request.POST or "add_income" in request.POST
    )
    if request.method == "POST" and not adding:
        valid = form.is_valid() & costs.is_valid() & income.is_valid()
        if valid:
            data = {field: form.cleaned_data[field] for field in form.Meta.fields}
            data["self_check"] = form.cleaned_data["self_check"]
            if application is None:
                data["language"] = request.LANGUAGE_CODE
            if not data.get("email") and not assisted:
                data["email"] = request.user.email
            try:
                saved = services.save_application(
                    fund=fund,
                    user=request.user,
                    data=data,
                    costs=_rows(costs),
                    income=_rows(income),
                    page_url=page.url,
                    application=application,
                    submit="submit" in request.POST,
                    assisted=assisted,
                )
            except services.NotAllowed as refused:
                return not_allowed(request, page, refused.decision)
            except services.Refused as refused:
                error = refused.message
            else:
                messages.success(
                    request,
                    _("Ihr Antrag ist eingereicht. Sie bekommen eine Bestätigung per E-Mail.")
                    if saved.state == a.SUBMITTED
                    else _("Ihr Entwurf ist gespeichert."),
                )
                return redirect(page.url + f"antraege/{saved.pk}/")
        status = 400
    total = None
    if costs.is_bound and costs.is_valid() and income.is_valid():
        total = services.plan_total(fund, _rows(costs), _rows(income))
    return TemplateResponse(
        request,
        "fund/application_form.html",
        _context(
            request,
            page,
            fund=fund,
            form=form,
            costs=costs,
            income=income,
            error=error,
            application=application,
            assisted=assisted,
            total=total,
        ),
        status=status,
    )


def _application(request, page, pk):
    fund = _fund(page)
    application = get_object_or_404(
        Application.objects.select_related(
            "fund", "agenda_item__meeting", "decision", "field_of_action"
        ),
        pk=pk,
        fund=fund,
    )
    return fund, application


def application_detail(request, page, pk, forms=None, error="", status=200):
    fund, application = _application(request, page, pk)
    decision = rules.can_view(request.user, application)
    if not decision:
        return not_allowed(request, page, decision)
    forms = forms or {}
    user = request.user
    can_decide = rules.can_decide(user, application)
    quorum = None
    if can_decide:
        quorum = intranet.item_quorum(application.agenda_item).quorum
    costs, income = list(application.costs.all()), list(application.income.all())
    return TemplateResponse(
        request,
        "fund/application_detail.html",
        _context(
            request,
            page,
            fund=fund,
            application=application,
            events=application.events.select_related("actor"),
            costs=costs,
            income=income,
            plan=services.plan_total(
                fund, [{"amount": c.amount} for c in costs], [{"amount": i.amount} for i in income]
            ),
            receipts=application.receipts.all(),
            photos=application.photos.all(),
            can_edit=rules.can_edit(user, application),
            can_check=rules.can_check(user, application),
            can_decide=can_decide,
            quorum=quorum,
            can_pay=rules.can_record_payment(user, application),
            can_settle=rules.can_settle(user, application),
            can_check_settlement=rules.can_check_settlement(user, application),
            can_agreement=rules.can_view_agreement(user, application),
            is_staff=rules.is_staff(user),
            paid=services.paid_so_far(application),
            check_form=forms.get("check") or CheckForm(),
            decision_form=forms.get("decision")
            or DecisionForm(initial={"amount": application.requested_amount}),
            payment_form=forms.get("payment") or PaymentForm(),
            settlement_form=forms.get("settlement") or SettlementForm(),
            receipts_formset=forms.get("receipts")
            or ReceiptFormSet(prefix="receipt", form_kwargs={"fund": fund}),
            error=error,
        ),
        status=status,
    )


def application_action(request, page, pk, action):
    fund, application = _application(request, page, pk)
    if action == "vereinbarung":
        return agreement_pdf(request, page, application)
    if request.method != "POST" or action not in ACTIONS:
        raise Http404
    try:
        return ACTIONS[action](request, page, fund, application)
    except services.NotAllowed as refused:
        return not_allowed(request, page, refused.decision)
    except services.Refused as refused:
        return application_detail(request, page, pk, error=refused.message, status=400)


def _back(page, application):
    return redirect(page.url + f"antraege/{application.pk}/")


def check(request, page, fund, application):
    form = CheckForm(request.POST)
    if not form.is_valid():
        return application_detail(request, page, application.pk, forms={"check": form}, status=400)
    services.formal_check(
        application=application, user=request.user, page_url=page.url, **form.cleaned_data
    )
    messages.success(request, _("Die Prüfung ist gespeichert."))
    return _back(page, application)


def decide(request, page, fund, application):
    if "defer" in request.POST:
        services.defer(application=application, user=request.user, page_url=page.url)
        messages.success(request, _("Der Antrag ist vertagt."))
        return _back(page, application)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return application_detail(
            request, page, application.pk, forms={"decision": form}, status=400
        )
    try:
        services.decide(
            application=application, user=request.user, page_url=page.url, **form.cleaned_data
        )
    except services.Refused as refused:
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
    return _back(page, application)


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
    except services.Refused as refused:
        return application_detail(
            request,
            page,
            application.pk,
            forms={"circulation": form},
            error=refused.message,
            status=400,
        )
    messages.success(request, _("Das Umlaufverfahren läuft."))
    return redirect(fund.jury.url + f"umlauf/{started.pk}/")


def pay(request, page, fund, application):
    form = PaymentForm(request.POST)
    if not form.is_valid():
        return application_detail(
            request, page, application.pk, forms={"payment": form}, status=400
        )
    services.record_payment(application=application, user=request.user, **form.cleaned_data)
    messages.success(request, _("Die Auszahlung ist gebucht."))
    return _back(page, application)


def settle(request, page, fund, application):
    decision = rules.can_settle(request.user, application)
    if not decision:
        return not_allowed(request, page, decision)
    data = request.POST.copy()
    if "add_receipt" in data:
        data["receipt-TOTAL_FORMS"] = str(int(data.get("receipt-TOTAL_FORMS", 1)) + 1)
    receipts = ReceiptFormSet(data, request.FILES, prefix="receipt", form_kwargs={"fund": fund})
    form = SettlementForm(data, request.FILES)
    if "add_receipt" in data or not (receipts.is_valid() & form.is_valid()):
        return application_detail(
            request,
            page,
            application.pk,
            forms={"receipts": receipts, "settlement": form},
            status=200 if "add_receipt" in data else 400,
        )
    photos = []
    if form.cleaned_data.get("photo"):
        photos.append((form.cleaned_data["photo"], form.cleaned_data["photo_alt"]))
    try:
        services.submit_settlement(
            application=application,
            user=request.user,
            receipts=_rows(receipts),
            report=form.cleaned_data["report"],
            photos=photos,
            page_url=page.url,
        )
    except services.Refused as refused:
        return application_detail(
            request,
            page,
            application.pk,
            forms={"receipts": receipts, "settlement": form},
            error=refused.message,
            status=400,
        )
    messages.success(request, _("Ihre Abrechnung ist eingereicht. Das Büro prüft sie."))
    return _back(page, application)


def settle_check(request, page, fund, application):
    proven = services.check_settlement(
        application=application, user=request.user, page_url=page.url
    )
    messages.success(
        request, _("Abrechnung geprüft: %(proven)s € nachgewiesen.") % {"proven": proven}
    )
    return _back(page, application)


ACTIONS = {
    "pruefen": check,
    "entscheiden": decide,
    "umlauf": circulate,
    "auszahlung": pay,
    "abrechnung": settle,
    "abrechnung-pruefen": settle_check,
}


def agreement_pdf(request, page, application):
    decision = rules.can_view_agreement(request.user, application)
    if not decision:
        return not_allowed(request, page, decision)
    context = {
        "application": application,
        "fund": application.fund,
        "costs": application.costs.all(),
        "income": application.income.all(),
        "generated": timezone.now(),
    }
    return pdf_response(
        f"vereinbarung-{application.pk}.pdf", "fund/agreement_pdf.html", context, request
    )


def funded(request, page):
    fund = _fund(page)
    year = request.GET.get("jahr", "")
    funds = type(fund).objects.filter(name=fund.name, area=fund.area).order_by("-year")
    chosen = next((f for f in funds if str(f.year) == year), fund)
    applications = (
        Application.objects.filter(fund=chosen, state__in=a.FUNDED)
        .select_related("field_of_action")
        .prefetch_related("photos")
        .order_by("starts_on")
    )
    return TemplateResponse(
        request,
        "fund/funded.html",
        _context(
            request,
            page,
            fund=chosen,
            funds=funds,
            applications=applications,
            total=sum(
                (
                    x.proven_amount if x.state == a.SETTLED else x.approved_amount or 0
                    for x in applications
                ),
                Decimal("0"),
            ),
        ),
    )


def office(request, page):
    fund = _fund(page)
    decision = rules.can_view_ledger(request.user, fund)
    if not decision:
        return not_allowed(request, page, decision)
    ledger = services.ledger(fund)
    applications = (
        Application.objects.filter(fund=fund)
        .exclude(state=a.DRAFT)
        .order_by("state", "-submitted_at")
    )
    return TemplateResponse(
        request,
        "fund/office.html",
        _context(
            request,
            page,
            fund=fund,
            ledger=ledger,
            applications=applications,
            chart=exports.ledger_bars(ledger),
            is_staff=rules.is_staff(request.user),
            entries=fund.entries.select_related("application").order_by("-created_at")[:30],
        ),
    )


def annual_report(request, page, kind):
    fund = _fund(page)
    decision = rules.can_see_report(request.user)
    if not decision:
        return not_allowed(request, page, decision)
    if kind not in ("csv", "xlsx", "pdf"):
        raise Http404
    return exports.annual_report(request, fund, kind)
