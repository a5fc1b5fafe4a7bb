"""What the browser journeys need, built through the apps' models and services.

The live server runs in another thread and reads only committed data, so everything here
is committed (the journeys run last, see tests/conftest.py, and nothing here is rolled
back). Parts the journeys can share are built once per session, on first use; people who
act in a journey are made by that journey, each with an address of its own.

Fixtures (registered in tests/e2e/conftest.py): `portal_world`, `process_world`,
`voting_world`, `intranet_world`, `fund_world`, and `neighbourhood` for pages that show the
whole site. Each returns a namespace of what it made. Accounts for the journeys: `resident`,
`administrator`, `office_staff`, all with the password `PASSWORD`.

One module per part: accounts, portal (+ portal_texts), participation, voting, intranet,
fund; common holds the helpers they share (publishing, translating, language trees).
"""

import pytest

from .accounts import PASSWORD, administrator, office_staff, resident

__all__ = [
    "PASSWORD",
    "administrator",
    "build_world",
    "fund_world",
    "intranet_world",
    "neighbourhood",
    "office_staff",
    "portal_world",
    "process_world",
    "resident",
    "voting_world",
]


# --- shared worlds -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def build_world(site, django_db_blocker):
    """Run a builder with the database open and German active (texts the services write,
    such as activity lines, are in the source language as in the office). `site` first: it
    checks that this is a test database."""
    from django.utils import translation

    def run(builder, *args):
        with django_db_blocker.unblock(), translation.override("de"):
            return builder(*args)

    return run


@pytest.fixture(scope="session")
def portal_world(build_world):
    """Office settings, the standard pages, fields of action, news, events, organisations
    and projects (index pages, the first news item and event also in Arabic)."""
    from . import portal

    return build_world(portal.build)


@pytest.fixture(scope="session")
def process_world(build_world):
    """ "Ideen für den Lindenplatz": collecting now, proposals in several states."""
    from . import participation

    return build_world(participation.build_process)


@pytest.fixture(scope="session")
def voting_world(build_world):
    """Streets and three votes: a budget vote running now, a yes/no vote with codes, and a
    finished vote with results."""
    from . import voting

    return build_world(voting.build)


@pytest.fixture(scope="session")
def intranet_world(build_world):
    """Four bodies with members, meetings, minutes, decisions, tasks and documents, and
    their public page."""
    from . import intranet

    return build_world(intranet.build)


@pytest.fixture(scope="session")
def fund_world(build_world, intranet_world):
    """The Aktionsfonds, decided by the intranet's Aktionsfondsjury."""
    from . import fund

    return build_world(fund.build, intranet_world)


@pytest.fixture(scope="session")
def neighbourhood(portal_world, process_world, voting_world, intranet_world, fund_world):
    """Everything at once: pages that show the whole site (the home page's sections)."""
    return {
        "portal": portal_world,
        "process": process_world,
        "voting": voting_world,
        "intranet": intranet_world,
        "fund": fund_world,
    }
