"""A demo participation process with proposals in every state (data/participation.yaml):
illustrated, supported by neighbours and discussed, with official answers and replies."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from participation import services, states
from participation.models import Phase, ProcessIndexPage, ProcessPage

from . import illustrations, loader
from .markup import paragraph
from .translate import translate_everywhere

# The workflow steps that bring a submitted proposal into each state.
PATHS = {
    states.PUBLISHED: [states.PUBLISHED],
    states.EVALUATION: [states.PUBLISHED, states.EVALUATION],
    states.ACCEPTED: [states.PUBLISHED, states.EVALUATION, states.ACCEPTED],
    states.REJECTED: [states.REJECTED],
}
PHASE_DAYS = ("starts_days_from_today", "ends_days_from_today")


def add_phases(process, phases):
    now = timezone.now()
    for spec in phases:
        flags = {key: value for key, value in spec.items() if key not in PHASE_DAYS}
        process.phases.add(
            Phase(
                start=loader.moment(spec["starts_days_from_today"], now),
                end=loader.moment(spec["ends_days_from_today"], now),
                **flags,
            )
        )


def new_process(spec, **fields):
    """An unsaved process page with the texts and phases of `spec`."""
    process = ProcessPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        description=paragraph(spec["description"]),
        **fields,
    )
    add_phases(process, spec["phases"])
    return process


def ensure_neighbours(specs):
    """Accounts of fictional neighbours, without a password (nobody logs in as them)."""
    User = get_user_model()
    people = {}
    for spec in specs:
        person = User.objects.filter(email=spec["email"]).first()
        if person is None:
            person = User(email=spec["email"], display_name=spec["display_name"])
            person.set_unusable_password()
            person.save()
            EmailAddress.objects.create(
                user=person, email=spec["email"], verified=True, primary=True
            )
        people[spec["key"]] = person
    return people


def proposal_image(spec):
    image = spec.get("image")
    if not image:
        return {}
    key = f"vorschlag-{slugify(spec['title'])}"
    png = illustrations.draw(key, image["motif"])
    return {
        "image": SimpleUploadedFile(f"{key}.png", png, content_type="image/png"),
        "image_alt": image["alt"],
    }


def discuss(proposal, comments, people):
    for spec in comments:
        comment = services.comment_add(
            proposal=proposal, user=people[spec["by"]], text=spec["text"].strip()
        )
        for reply in spec.get("replies", []):
            services.comment_add(
                proposal=proposal,
                user=people[reply["by"]],
                text=reply["text"].strip(),
                parent=comment,
                official=reply["by"] == "office",
            )


def add_proposal(process, spec, people, rejection_reason):
    author, office = people["resident"], people["office"]
    proposal = services.proposal_create(
        process=process,
        author=author,
        data={
            "title": spec["title"],
            "description": spec["description"],
            "place": spec["place"],
            "requested_budget": loader.money(spec["requested_budget"]),
            **proposal_image(spec),
        },
        submit=True,
    )
    for step in PATHS[spec["state"]]:
        reason = rejection_reason if step == states.REJECTED else ""
        proposal = services.proposal_decide(
            proposal=proposal, user=office, to_state=step, reason=reason
        )
        if step == states.PUBLISHED:
            # Supported and discussed while published, before the office moves it on.
            supporters = [p for key, p in people.items() if key not in ("resident", "office")]
            for person in supporters[: spec.get("supports", 0)]:
                services.support_add(proposal=proposal, user=person)
            discuss(proposal, spec.get("comments", []), people)


OVERVIEW = {
    "title": "Mitmachen",
    "intro": (
        "Alle Beteiligungsverfahren im Quartier: was gerade läuft, was demnächst "
        "beginnt und was schon entschieden ist."
    ),
}


def ensure_overview(home):
    """ "Mitmachen" in the main menu: every process, running, upcoming and finished."""
    overview = ProcessIndexPage.objects.child_of(home).first()
    if overview is None:
        overview = ProcessIndexPage(slug="mitmachen", show_in_menus=True, **OVERVIEW)
        home.add_child(instance=overview)
        overview.save_revision().publish()
    return overview


def build_participation(home, users):
    ensure_overview(home)
    data = loader.load("participation")
    spec = data["process"]
    existing = ProcessPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    process = new_process(
        spec,
        budget=loader.money(spec["budget"]),
        support_threshold=spec["support_threshold"],
        show_in_menus=spec["show_in_menus"],
    )
    home.add_child(instance=process)
    process.save_revision().publish()
    people = {
        **ensure_neighbours(data["neighbours"]),
        "resident": users["resident"],
        "office": users["admin"],
    }
    for proposal in data["proposals"]:
        add_proposal(process, proposal, people, data["rejection_reason"])
    return process


def translate_participation(process, locales):
    spec = loader.load("participation")["process"]
    translate_everywhere(process, spec, locales, "pages", spec["slug"])
    overview = ProcessIndexPage.objects.child_of(process.get_parent()).first()
    if overview is not None:
        translate_everywhere(overview, OVERVIEW, locales, "pages", "mitmachen")
