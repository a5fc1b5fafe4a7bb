"""The Django side of the cluster test, run as a process with the cluster's environment
(production settings against the cluster's database, Redis and object store):

    python deploy/cluster/world.py seed            -> JSON of what the load needs
    python deploy/cluster/world.py publish PAGE_ID -> publishes a new title, prints it
    python deploy/cluster/world.py verify FILE     -> JSON: lost writes, half-written rows

The seed uses the test factories (tests/*/factories.py, from the dev packages): a lean site
is made in seconds, where the demo neighbourhood takes minutes.
"""

import hashlib
import json
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402

PASSWORD = "Cluster-Last-" + "2026!"
RESIDENTS = 6
CODES = 3000


def seed():
    from allauth.account.models import EmailAddress

    from intranet.models import Membership
    from participation.models import Phase, ProcessPage
    from participation.voting import codes
    from portal.models import HomePage
    from tests.intranet.factories import add_member, make_workspace
    from tests.participation import factories as participation
    from tests.portal.factories import ContentPageFactory, paragraphs

    call_command("setup_site", verbosity=0)
    home = HomePage.objects.get(locale__language_code="de")
    User = get_user_model()
    template = User(username="cluster-template")
    template.set_password(PASSWORD)  # hashed once, copied: the production hasher is slow

    def person(key):
        user = User.objects.create(
            username=key, email=f"{key}@cluster.example", password=template.password
        )
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        return user

    author = person("autorin")
    residents = [person(f"bewohner{n}") for n in range(RESIDENTS)]
    process = participation.make_process("during", slug="ideen-lindenplatz")
    proposals = [
        participation.make_proposal(process, author, title=f"Vorschlag {n}") for n in range(8)
    ]
    vote, _made = participation.make_vote_process(
        "during", slug="abstimmung-codes", mode="yesno", participants="code", proposals=2
    )
    _batch, plain = codes.create_batch(process=vote, size=CODES, label="Last", user=author)
    staff = person("vorsitz")
    workspace = make_workspace("stadtteilkonferenz")
    add_member(workspace, staff, role=Membership.Role.CHAIR)
    page = ContentPageFactory(
        title="Sprechzeiten",
        slug="sprechzeiten",
        intro="Wann das Stadtteilbüro offen ist.",
        body=paragraphs("Dienstag und Donnerstag von 10 bis 16 Uhr."),
        aliases=False,
    )
    del Phase, ProcessPage
    return {
        "browse_paths": [
            "/de/",
            "/de/sprechzeiten/",
            process.url,
            vote.url,
            *[f"{process.url}vorschlaege/{p.pk}/" for p in proposals[:3]],
            "/de/suche/?q=Vorschlag",
        ],
        "code_vote_path": vote.url + "abstimmen/",
        "codes": plain,
        "process_path": process.url,
        "proposal_ids": [p.pk for p in proposals],
        "residents": [(u.email, PASSWORD) for u in residents],
        "staff": (staff.email, PASSWORD),
        "documents_path": workspace.url + "dokumente/",
        "page_id": page.pk,
        "page_path": page.url,
        "home_id": home.pk,
    }


def publish(page_id):
    from wagtail.models import Page

    page = Page.objects.get(pk=page_id).specific
    page.title = f"Sprechzeiten {secrets.token_hex(4)}"
    page.save_revision().publish()
    return {"title": page.title, "path": page.url}


def sha256(storage, name):
    with storage.open(name) as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def verify(writes):
    """Every write answered with success is there (with its file's bytes); every file a row
    names exists in the object store."""
    from wagtail.documents import get_document_model

    from participation.models import Ballot, Proposal, Support, VotingCode
    from participation.models.processes import ProcessPage
    from participation.voting import codes as code_rules
    from participation.voting.identity import keyed_hash

    lost, problems = [], []
    vote = ProcessPage.objects.get(slug="abstimmung-codes")
    salts = list(vote.code_batches.values_list("salt", flat=True))
    User = get_user_model()
    Document = get_document_model()
    for write in writes:
        kind, key = write["kind"], write["key"]
        if kind == "vote":
            digests = [code_rules.digest(salt, key["code"]) for salt in salts]
            code = VotingCode.objects.filter(digest__in=digests).first()
            found = (
                code is not None
                and code.used_at is not None
                and Ballot.objects.filter(
                    process=vote, voter_key=keyed_hash(f"code:{code.pk}"), votes__isnull=False
                ).exists()
            )
        elif kind == "support":
            found = Support.objects.filter(
                user=User.objects.get(email=key["email"]), proposal_id=key["proposal"]
            ).exists()
        elif kind == "proposal":
            proposal = Proposal.objects.filter(title=key["title"]).first()
            found = (
                proposal is not None
                and bool(proposal.attachment)
                and sha256(proposal.attachment.storage, proposal.attachment.name) == key["sha256"]
            )
        elif kind == "document":
            document = Document.objects.filter(title=key["title"]).first()
            found = (
                document is not None
                and sha256(document.file.storage, document.file.name) == (key["sha256"])
            )
        else:
            found = False
        if not found:
            lost.append(write)
    # Nothing half-written: no row names a file the object store does not have.
    for proposal in Proposal.objects.exclude(attachment=""):
        if not proposal.attachment.storage.exists(proposal.attachment.name):
            problems.append(f"proposal {proposal.pk}: {proposal.attachment.name} missing")
    for document in Document.objects.all():
        if not document.file.storage.exists(document.file.name):
            problems.append(f"document {document.pk}: {document.file.name} missing")
    return {
        "checked": len(writes),
        "lost": lost,
        "half_written": problems,
        "ballots": Ballot.objects.filter(process=vote).count(),
        "proposals": Proposal.objects.count(),
        "documents": Document.objects.count(),
    }


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed":
        result = seed()
    elif command == "publish":
        result = publish(int(sys.argv[2]))
    elif command == "verify":
        result = verify(json.loads(Path(sys.argv[2]).read_text()))
    else:
        raise SystemExit(f"unknown command {command}")
    print("RESULT " + json.dumps(result, default=str))
