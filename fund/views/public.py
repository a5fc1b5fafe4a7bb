"""What everyone sees: the fund's page and the funded actions per year."""

from decimal import Decimal

from django.template.response import TemplateResponse

from core.rules import LOGIN

from .. import rules, services
from ..models import Application
from ..models.applications import FUNDED
from .common import context, fund_of


def fund_index(request, page):
    fund = fund_of(request, page)
    mine = (
        Application.objects.filter(applicant=request.user, fund=fund)
        if request.user.is_authenticated
        else []
    )
    return TemplateResponse(
        request,
        "fund/index.html",
        context(
            request,
            page,
            fund=fund,
            dates=services.upcoming_dates(fund),
            mine=mine,
            can_apply=rules.can_apply(request.user, fund),
            can_assist=rules.can_enter_for_applicant(request.user, fund),
            is_staff=rules.is_staff(request.user),
            login_kind=LOGIN,
        ),
    )


def funded(request, page):
    fund = fund_of(request, page)
    year = request.GET.get("jahr", "")
    funds = type(fund).objects.filter(name=fund.name, area=fund.area).order_by("-year")
    chosen = next((f for f in funds if str(f.year) == year), fund)
    applications = (
        Application.objects.filter(fund=chosen, state__in=FUNDED)
        .select_related("field_of_action")
        .prefetch_related("photos")
        .order_by("starts_on")
    )
    return TemplateResponse(
        request,
        "fund/funded.html",
        context(
            request,
            page,
            fund=chosen,
            funds=funds,
            applications=applications,
            total=sum((x.final_amount for x in applications), Decimal("0")),
        ),
    )
