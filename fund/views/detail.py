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
    DecisionForm,
    PaymentForm,
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
        "settlement_form": forms.get("settlement") or SettlementForm(),
        "receipts_formset": forms.get("receipts")
        or ReceiptFormSet(prefix="receipt", form_kwargs={"fund": fund}),
    }


def application_detail(request, page, pk, forms=None, error="", status=200):
    fund, application = application_of(request, page, pk)
    require(rules.can_view(request.user, application), page)
    permissions = _permissions(request.user, application)
    costs, income = list(application.costs.all()), list(application.income.all())
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
            receipts=application.receipts.all(),
            photos=application.photos.all(),
            paid=services.paid_so_far(application),
            error=error,
            **permissions,
            **_jury(application, permissions["can_decide"]),
            **_forms(fund, application, forms or {}),
        ),
        status=status,
    )


def agreement_pdf(request, page, application):
    require(rules.can_view_agreement(request.user, application), page)
    data = {
        "application": application,
        "fund": application.fund,
        "costs": application.costs.all(),
        "income": application.income.all(),
        "generated": timezone.now(),
    }
    return pdf_response(
        f"vereinbarung-{application.pk}.pdf", "fund/agreement_pdf.html", data, request
    )
