"""The applicant's side: the application form with its cost plan (new, walk-in entered by
the office, or returned with a question), and the settlement with receipts."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core import holding
from core.params import int_param
from core.refusals import Refused, require
from core.rules import PHASE

from .. import rules, services
from ..forms import ApplicationForm, CostFormSet, IncomeFormSet, ReceiptFormSet, SettlementForm
from ..models import Application
from ..models.applications import State
from .common import back_to, context, fund_of, rows
from .detail import application_detail

# More rows than any plan needs; a larger count is left for the formset to refuse.
MAX_ROWS = 200


def _more_rows(data, buttons):
    """ "Add a row" buttons: the formset comes back with one more row, nothing typed lost.
    A count that is not a number is left alone: the formset reports it as a form error."""
    for prefix, button, start in buttons:
        key = f"{prefix}-TOTAL_FORMS"
        total = int_param(data, key, None, minimum=0, maximum=MAX_ROWS) if key in data else start
        if button in data and total is not None:
            data[key] = str(total + 1)
    return data


def _formsets(request, fund, application=None):
    """Cost and income formsets: as posted, or the application's plan."""
    if request.method == "POST":
        buttons = [("cost", "add_cost", 0), ("income", "add_income", 0)]
        data = _more_rows(request.POST.copy(), buttons)
        # Empty rows are left out: a draft may have no plan yet; submitting checks the plan.
        return (
            CostFormSet(data, prefix="cost", form_kwargs={"fund": fund, "empty_permitted": True}),
            IncomeFormSet(data, prefix="income", form_kwargs={"empty_permitted": True}),
        )
    costs, income = [], []
    if application:
        costs = [
            {"cost_type": c.cost_type, "description": c.description, "amount": c.amount}
            for c in application.costs.all()
        ]
        income = [{"source": i.source, "amount": i.amount} for i in application.income.all()]
    return (
        CostFormSet(initial=costs or None, prefix="cost", form_kwargs={"fund": fund}),
        IncomeFormSet(initial=income or None, prefix="income"),
    )


def _allowed_form(request, page, fund, assisted, pk):
    """The application to edit (None for a new one) and whether the office enters it;
    refused unless the person may apply, enter or edit."""
    if pk is None:
        require(
            rules.can_enter_for_applicant(request.user, fund)
            if assisted
            else rules.can_apply(request.user, fund),
            page,
        )
        return None, assisted
    application = get_object_or_404(Application, pk=pk, fund=fund)
    require(rules.can_edit(request.user, application), page)
    return application, bool(application.entered_by_id)


def _form_data(request, form, application, assisted):
    data = {field: form.cleaned_data[field] for field in form.Meta.fields}
    for field in ("starts_on", "ends_on"):  # a draft may leave them empty
        data[field] = data[field] or None
    data["self_check"] = form.cleaned_data["self_check"]
    if "answer" in form.fields:
        data["answer"] = form.cleaned_data["answer"]
    if application is None:
        data["language"] = request.LANGUAGE_CODE
    if not data.get("email") and not assisted:
        data["email"] = request.user.email
    return data


def _saved(request, page, saved):
    messages.success(
        request,
        _("Ihr Antrag ist eingereicht. Sie bekommen eine Bestätigung per E-Mail.")
        if saved.state == State.SUBMITTED
        else _("Ihr Entwurf ist gespeichert."),
    )
    return redirect(page.application_url(saved))


def _plan_total(fund, costs, income, application):
    """The requested amount the plan adds up to, as typed or as stored (None while a row
    has an error)."""
    if costs.is_bound:
        if not (costs.is_valid() and income.is_valid()):
            return None
        return services.plan_total(fund, rows(costs), rows(income))
    if application is None:
        return None
    return services.plan_total(
        fund,
        [{"amount": c.amount} for c in application.costs.all()],
        [{"amount": i.amount} for i in application.income.all()],
    )


def application_form(request, page, assisted=False, pk=None):
    fund = fund_of(request, page)
    application, assisted = _allowed_form(request, page, fund, assisted, pk)
    form = ApplicationForm(
        request.POST or None,
        instance=application,
        fund=fund,
        assisted=assisted,
        initial=None if application else {"language": request.LANGUAGE_CODE},
    )
    costs, income = _formsets(request, fund, application)
    error, status = "", 200
    # Adding a row or recalculating the total shows the form again, nothing saved or lost.
    adding = any(key in request.POST for key in ("add_cost", "add_income", "recalculate"))
    if request.method == "POST" and not adding:
        if form.is_valid() & costs.is_valid() & income.is_valid():
            try:
                saved = services.save_application(
                    fund=fund,
                    user=request.user,
                    data=_form_data(request, form, application, assisted),
                    costs=rows(costs),
                    income=rows(income),
                    page_url=page.url,
                    application=application,
                    submit="submit" in request.POST,
                    assisted=assisted,
                )
            except Refused as refused:
                error = refused.message
            else:
                return _saved(request, page, saved)
        status = 400
    total = _plan_total(fund, costs, income, application)
    return TemplateResponse(
        request,
        "fund/application_form.html",
        context(
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


def settle(request, page, fund, application):
    """The applicant's settlement: receipts ("add a receipt" keeps what was typed), a short
    report and a photo."""
    allowed = rules.can_settle(request.user, application)
    if allowed.kind != PHASE:
        require(allowed, page)
    data = _more_rows(request.POST.copy(), [("receipt", "add_receipt", 1)])
    receipts = ReceiptFormSet(
        data, request.FILES, prefix="receipt", form_kwargs={"fund": fund, "holder": request}
    )
    form = SettlementForm(data, request.FILES, holder=request)
    typed = {"receipts": receipts, "settlement": form}
    if not allowed:
        # Past the deadline: refused, but nothing typed is lost and the way forward is named.
        receipts.is_valid() & form.is_valid()  # checks and holds the chosen files
        return application_detail(
            request,
            page,
            application.pk,
            forms=typed,
            error=_(
                "%(reason)s Das Stadtteilbüro kann die Frist verlängern; Ihre Eingaben bleiben "
                "hier erhalten, bis Sie die Seite verlassen."
            )
            % {"reason": allowed.reason},
            status=400,
            kept=True,
        )
    if "add_receipt" in data:
        # Another row: nothing is validated yet, but chosen receipts and the photo are kept.
        holding.hold_files(receipts, form)
        return application_detail(request, page, application.pk, forms=typed, status=200)
    if not (receipts.is_valid() & form.is_valid()):
        return application_detail(request, page, application.pk, forms=typed, status=400)
    photos = []
    if form.cleaned_data.get("photo"):
        photos.append((form.cleaned_data["photo"], form.cleaned_data["photo_alt"]))
    try:
        services.submit_settlement(
            application=application,
            user=request.user,
            receipts=rows(receipts),
            report=form.cleaned_data["report"],
            photos=photos,
            page_url=page.url,
        )
    except Refused as refused:
        return application_detail(
            request, page, application.pk, forms=typed, error=refused.message, status=400
        )
    holding.release(receipts, form)
    messages.success(request, _("Ihre Abrechnung ist eingereicht. Das Büro prüft sie."))
    return back_to(page, application)
