from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from participation import services, states
from participation.models import Phase, ProcessPage
from portal.editorial import EDITORS
from portal.models import HomePage
from tests.portal.factories import UserFactory

PHASE_TIMES = {
    # phase relative to now: (start offset, end offset) in days
    "before": (5, 30),
    "during": (-5, 30),
    "after": (-30, -5),
}


def make_process(when="during", slug=None, **rules):
    home = HomePage.objects.get(locale__language_code="de")
    start, end = PHASE_TIMES[when]
    now = timezone.now()
    process = ProcessPage(
        title=f"Verfahren {when}",
        slug=slug or f"verfahren-{when}",
        intro="Ein Testverfahren",
        budget=Decimal("10000"),
        support_threshold=2,
        **rules,
    )
    process.phases.add(
        Phase(
            kind="collecting",
            start=now + timedelta(days=start),
            end=now + timedelta(days=end),
            allows_submit=True,
            allows_support=True,
            allows_comment=True,
        )
    )
    home.add_child(instance=process)
    process.save_revision().publish()
    return process


def in_every_language(page):
    """Aliases of `page` in the other language trees, as the editors' admin makes them."""
    from portal.setup import ensure_locales, synchronise_language_trees

    synchronise_language_trees(ensure_locales())
    return page


def make_proposal(process, author, state=states.PUBLISHED, **data):
    """A proposal in a given state, made through the services (the phase is bypassed)."""
    from participation.models import Proposal, ProposalStateChange

    proposal = Proposal.objects.create(
        process=process,
        author=author,
        title=data.pop("title", "Mehr Bänke"),
        description=data.pop("description", "Am Lindenplatz fehlen Bänke."),
        state=state,
        submitted_at=None if state == states.DRAFT else timezone.now(),
        **data,
    )
    ProposalStateChange.objects.create(proposal=proposal, to_state=state, actor=author)
    return proposal


def roles():
    """One user per role of the permission matrix."""
    moderator = UserFactory()
    moderator.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="participation", codename="moderate_proposal"
        )
    )
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=EDITORS))
    admin = UserFactory(is_superuser=True, is_staff=True)
    return {
        "registered": UserFactory(),
        "author": UserFactory(),
        "moderator": moderator,
        "editor": editor,
        "admin": admin,
    }


__all__ = ["in_every_language", "make_process", "make_proposal", "roles", "services"]


def make_vote_process(
    when="during", slug=None, mode="approval", participants="registered", proposals=3, **rules
):
    """A process whose only phase is a vote, with `proposals` published proposals costing
    1000, 2000, 3000 … euros. Returns (process, [proposals])."""
    home = HomePage.objects.get(locale__language_code="de")
    start, end = PHASE_TIMES[when]
    now = timezone.now()
    rules.setdefault("budget", Decimal("5000"))
    process = ProcessPage(
        title=f"Abstimmung {when}",
        slug=slug or f"abstimmung-{when}-{mode}-{participants}",
        intro="Eine Testabstimmung",
        voting_mode=mode,
        **rules,
    )
    process.phases.add(
        Phase(
            kind="voting",
            start=now + timedelta(days=start),
            end=now + timedelta(days=end),
            allows_vote=True,
            participants=participants,
        )
    )
    home.add_child(instance=process)
    process.save_revision().publish()
    author = UserFactory()
    made = [
        make_proposal(
            process,
            author,
            title=f"Vorschlag {number}",
            requested_budget=Decimal(1000 * number),
        )
        for number in range(1, proposals + 1)
    ]
    return process, made
