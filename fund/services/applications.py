"""Applying: drafts, submission (the cost plan must add up) and answers to the office's
questions; residents apply themselves, the office enters walk-in applications."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import Refused, require

from .. import rules
from ..models import Application, CostItem, IncomeItem
from ..models.applications import REQUIRED_TO_SUBMIT, State
from .history import _event, _mail
from .plans import check_plan, plan_total


def _new_application(fund, user, assisted):
    require(rules.can_enter_for_applicant(user, fund) if assisted else rules.can_apply(user, fund))
    application = Application(fund=fund)
    if assisted:
        application.entered_by = user
        application.consent_recorded = True
    else:
        application.applicant = user
    return application


def _save_plan(application, costs, income):
    application.costs.all().delete()
    application.income.all().delete()
    CostItem.objects.bulk_create(CostItem(application=application, **c) for c in costs)
    IncomeItem.objects.bulk_create(IncomeItem(application=application, **i) for i in income)


def _submit(application, user, page_url, answering):
    application.state = State.SUBMITTED
    application.submitted_at = timezone.now()
    application.save(update_fields=["state", "submitted_at", "updated_at"])
    note = ""
    if answering:
        note = _("Antwort auf die Rückfrage: %(answer)s") % {"answer": application.answer}
    _event(application, State.SUBMITTED, user, note)
    _mail(
        application,
        "submitted",
        lambda: _("Ihr Antrag ist eingegangen: %(title)s") % {"title": application.title},
        page_url,
    )


@transaction.atomic
def save_application(
    *, fund, user, data, costs, income, page_url, application=None, submit=False, assisted=False
):
    """Save a new or returned application with its cost plan; with `submit`, hand it in
    (refused with the reasons if the plan does not add up)."""
    if application is None:
        application = _new_application(fund, user, assisted)
    else:
        require(rules.can_edit(user, application))
    # Nobody types the requested amount: the cost plan gives it.
    requested = plan_total(fund, costs, income)[0]
    if submit:
        problems = check_plan(fund, requested, costs, income)
        missing = [
            Application._meta.get_field(name).verbose_name
            for name in REQUIRED_TO_SUBMIT
            if data.get(name, getattr(application, name)) in (None, "")
        ]
        if missing:
            problems.append(
                _("Zum Einreichen fehlen noch: %(fields)s.")
                % {"fields": ", ".join(str(label) for label in missing)}
            )
        if problems:
            raise Refused(" ".join(problems))
    data = {**data, "requested_amount": max(requested, Decimal("0"))}
    answering = application.state == State.QUESTION
    if submit and answering and not (data.get("answer") or "").strip():
        raise Refused(_("Bitte beantworten Sie die Rückfrage des Stadtteilbüros."))
    for field, value in data.items():
        setattr(application, field, value)
    application.save()
    _save_plan(application, costs, income)
    if submit:
        _submit(application, user, page_url, answering)
    elif application.state == State.DRAFT and not application.events.exists():
        _event(application, State.DRAFT, user)
    return application
