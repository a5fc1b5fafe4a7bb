"""One route for the steps on an application (`antraege/<pk>/<action>/`): each is a POST
handled by the view of whoever takes it. A refusal by a rule is explained by
`RefusalMiddleware`; a refusal by the workflow comes back on the status page."""

from django.http import Http404

from core.refusals import Refused

from . import applicant, jury, office
from .common import application_of
from .detail import agreement_pdf, application_detail

ACTIONS = {
    "pruefen": office.check,
    "entscheiden": jury.decide,
    "umlauf": jury.circulate,
    "auszahlung": office.pay,
    "abrechnung": applicant.settle,
    "abrechnung-pruefen": office.settle_check,
    "frist": office.extend,
    "beleg-pruefen": office.check_receipt,
    "beleg-fehlt": office.missing_receipt,
}


def application_action(request, page, pk, action):
    fund, application = application_of(request, page, pk)
    if action == "vereinbarung":
        return agreement_pdf(request, page, application)
    if request.method != "POST" or action not in ACTIONS:
        raise Http404
    try:
        return ACTIONS[action](request, page, fund, application)
    except Refused as refused:
        return application_detail(request, page, pk, error=refused.message, status=400)
