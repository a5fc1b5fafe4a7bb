"""One small world with something of every kind, for the hostile-input tests: a process with
a proposal, two running votes, a workspace with a meeting, a document and a task,
a fund with an application, the public bodies page, news, events, directory and projects.
Returns the people and the pages; built with the apps' own factories."""

from tests.fund.factories import in_state, make_fund, office_editor
from tests.intranet.factories import make_meeting, make_task, public_bodies, upload, world
from tests.participation.factories import make_process, make_proposal, make_vote_process
from tests.portal.factories import UserFactory, small_site


def build():
    from fund.models.applications import State

    site = small_site()
    process = make_process("during", slug="hostile-prozess")
    office = office_editor()
    resident = UserFactory()
    proposal = make_proposal(process, resident, title="Mehr Bänke")
    # Ballots: approval (checkboxes of ids) and points (a number per proposal).
    make_vote_process(slug="hostile-abstimmung", mode="approval")
    make_vote_process(slug="hostile-punkte", mode="points")
    workspace, people = world("hostile")
    meeting = make_meeting(workspace, people["chair"], days=-1)
    document = upload(workspace, people["chair"])
    task = make_task(workspace, people["chair"], people["m1"])
    fund, fund_page, jury, jury_meeting = make_fund("hostile")
    application = in_state(fund, State.DRAFT, applicant=resident)
    public_bodies()
    return {
        "people": {"resident": resident, "office": office, "chair": people["chair"]},
        "site": site,
        "process": process,
        "proposal": proposal,
        "workspace": workspace,
        "meeting": meeting,
        "document": document,
        "task": task,
        "fund": fund,
        "fund_page": fund_page,
        "application": application,
    }
