"""An application's status page: what it is, where it stands, and the one step each person
can take next (check, decide, circulate, pay, settle, check the settlement)."""

from django.template.response import TemplateResponse
from django.utils import timezone

from core.exports import pdf_response
from core.refusals import require
from core.rules import PHASE
from intranet import interface as intranet

from .. import rules, services
from ..forms import (
    CheckForm,
    CirculationForm,
    CloseSettlementForm,
    DeadlineForm,
    DecisionForm,
    MissingReceiptForm,
    PaymentForm,
    ReceiptCheckForm,
    ReceiptFormSet,
    SettlementForm,
)
from .common import application_of, context


def _permissions(user, application):
    """What the person may do with the application, as Decisions for the template."""
    return {
        "can_edit": rules.can_edit(user, application),
        "can_check": rules.can_check(user, application),
        "can_decide": rules.can_decide(user, application),
        "can_circulate": rules.can_circulate(user, application),
        "can_pay": rules.can_record_payment(user, application),
        "can_settle": rules.can_settle(user, application),
        "can_check_settlement": rules.can_check_settlement(user, application),
        "can_agreement": rules.can_view_agreement(user, application),
        "can_view_receipts": rules.can_view_receipts(user, application),
        "can_view_contact": rules.can_view_contact(user, application),
        "can_view_bank_details": rules.can_view_bank_details(user, application),
        "can_extend": rules.can_extend_deadline(user, application),
        "is_staff": rules.is_staff(user),
        "phase_kind": PHASE,  # a settlement past its deadline: the reason is shown
    }


def _jury(application, can_decide):
    """The meeting's page and quorum, for those who record the jury's decision."""
    if not can_decide:
        return {"quorum": None, "meeting_url": ""}
    item = application.agenda_item
    return {
        "quorum": intranet.item_quorum(item).quorum,
        "meeting_url": intranet.meeting_url(item.meeting),
    }


def _forms(fund, application, forms):
    """The forms of the page: blank, or as submitted (with their errors)."""
    return {
        "check_form": forms.get("check") or CheckForm(),
        "decision_form": forms.get("decision")
        or DecisionForm(initial={"amount": application.requested_amount}),
        "circulation_form": forms.get("circulation")
        or CirculationForm(initial={"amount": application.requested_amount}),
        "payment_form": forms.get("payment") or PaymentForm(),
        "settlement_form": forms.get("settlement")
        or SettlementForm(initial={"report": application.report}),
        "deadline_form": forms.get("deadline") or DeadlineForm(),
        "missing_form": forms.get("missing") or MissingReceiptForm(),
        "close_form": forms.get("close") or CloseSettlementForm(),
        "receipts_formset": forms.get("receipts")
        or ReceiptFormSet(prefix="receipt", form_kwargs={"fund": fund}),
    }


def _receipt_rows(receipts, forms, checking):
    """Each receipt with the office's form to check it (while the office checks)."""
    rows = []
    for receipt in receipts:
        form = None
        if checking:
            form = forms.get(f"receipt-{receipt.pk}") or ReceiptCheckForm(
                prefix=f"r{receipt.pk}",
                initial={
                    "status": receipt.status if receipt.status != receipt.Status.OPEN else None,
                    "amount": receipt.accepted_amount,
                    "reason": receipt.check_note,
                },
            )
        rows.append({"receipt": receipt, "form": form})
    return rows


def application_detail(request, page, pk, forms=None, error="", status=200, kept=False):
    """`kept`: a settlement refused after its deadline comes back with what was typed."""
    fund, application = application_of(request, page, pk)
    require(rules.can_view(request.user, application), page)
    forms = forms or {}
    permissions = _permissions(request.user, application)
    costs, income = list(application.costs.all()), list(application.income.all())
    receipts = list(application.receipts.all())
    checking = bool(permissions["can_check_settlement"])
    return TemplateResponse(
        request,
        "fund/application_detail.html",
        context(
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
            receipts=receipts,
            receipt_rows=_receipt_rows(receipts, forms, checking),
            sums=services.settlement_sums(application, receipts=receipts) if checking else None,
            photos=application.photos.all(),
            paid=services.paid_so_far(application),
            error=error,
            settle_kept=kept,
            **permissions,
            **_jury(application, permissions["can_decide"]),
            **_forms(fund, application, forms),
        ),
        status=status,
    )


def agreement_pdf(request, page, application):
    require(rules.can_view_agreement(request.user, application), page)
    # The jury may read the agreement, but not the other party's address or bank details.
    data = {
        "application": application,
        "show_contact": bool(rules.can_view_contact(request.user, application)),
        "show_bank": bool(rules.can_view_bank_details(request.user, application)),
        "plan": services.plan_total(
            application.fund,
            [{"amount": c.amount} for c in application.costs.all()],
            [{"amount": i.amount} for i in application.income.all()],
        ),
        "fund": application.fund,
        "costs": application.costs.all(),
        "income": application.income.all(),
        "generated": timezone.now(),
    }
    return pdf_response(
        f"vereinbarung-{application.pk}.pdf", "fund/agreement_pdf.html", data, request
    )
