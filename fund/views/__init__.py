"""Front-end views of the fund, routed through FundPage (fund/models/funds.py).

- `public`: the fund's page and the funded actions
- `applicant`: the application form and the settlement
- `detail`: an application's status page and its funding agreement (PDF)
- `office`: formal check, payments, settlement check, overview and annual report
- `files`: downloads of receipts and settlement photos
- `jury`: the decision in the meeting, and by circulation
- `actions`: the one route for the steps on an application

Views check the rules with `require(...)` (or call services that do) and let
`core.refusals.RefusalMiddleware` explain a refusal; they never write themselves.
"""

from .actions import ACTIONS, application_action
from .applicant import application_form
from .detail import agreement_pdf, application_detail
from .files import photo_file, receipt_file
from .office import annual_report, office
from .public import fund_index, funded

__all__ = [
    "ACTIONS",
    "agreement_pdf",
    "annual_report",
    "application_action",
    "application_detail",
    "application_form",
    "fund_index",
    "funded",
    "office",
    "photo_file",
    "receipt_file",
]
