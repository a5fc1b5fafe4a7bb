"""The demo intranet (data/intranet.yaml): four bodies with members, meetings, minutes,
decisions, tasks and documents, and the public page of the bodies. All people are fictional."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from intranet.models import BodiesPage, Membership, WorkspacePage
from intranet.services import documents as document_services
from intranet.services import meetings, workspaces

from . import loader
from .markup import paragraph
from .pdf import simple_pdf
from .translate import translate_everywhere


def ensure_people(users, people):
    User = get_user_model()
    found = {"vorsitz": users["vorsitz"], "resident": users["resident"]}
    for spec in people:
        person = User.objects.filter(email=spec["email"]).first()
        if person is None:
            person = User(
                username=f"demo-{spec['key']}",
                email=spec["email"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
            )
            person.set_unusable_password()
            person.save()
        found[spec["key"]] = person
    return found


def plan_meetings(workspace, chair, specs):
    """The meetings with their agendas; their times are at 18:00 on their days."""
    evening = timezone.now().replace(hour=18, minute=0, second=0, microsecond=0)
    planned = [
        meetings.save_meeting(
            workspace=workspace,
            user=chair,
            data={
                "title": spec["title"],
                "starts_at": loader.moment(spec["days_from_today"], evening),
                "ends_at": loader.moment(spec["days_from_today"], evening) + timedelta(hours=2),
                "place": spec["place"],
                "online_link": spec["online_link"],
                "public": workspace.show_public_page,
            },
        )
        for spec in specs
    ]
    for meeting, spec in zip(planned, specs, strict=True):
        for title in spec["agenda"]:
            meetings.add_item(meeting=meeting, user=chair, title=title, description="", public=True)
    return planned


def record_minutes(workspace, meeting, spec, chair, taker, texts):
    """Attendance, summaries, a decision on the last item and a task; then the minutes go
    round."""
    members = Membership.objects.active().filter(workspace=workspace)
    statuses = {ms.user_id: ("excused" if i == 2 else "present") for i, ms in enumerate(members)}
    meetings.record_attendance(
        meeting=meeting, user=taker, statuses=statuses, guests=texts["guests"]
    )
    for item in meeting.items.all():
        item.summary = texts["summary"].format(item=item.title)
        item.public_summary = texts["public_summary"].format(item=item.title)
        item.save()
    item = meeting.items.order_by("position").last()
    voting_present = meetings.item_quorum(item).quorum.present
    meetings.record_decision(
        item=item,
        user=taker,
        text=texts["decision"].format(item=item.title),
        yes=max(voting_present - 1, 1),
        no=0,
        abstain=min(1, voting_present - 1),
    )
    meetings.add_action_item(
        workspace=workspace,
        user=chair,
        item=item,
        title=texts["action_item"].format(item=item.title),
        assignee=taker,
        due=loader.day(spec["follow_up_due_days_from_today"]),
    )
    meetings.circulate_minutes(meeting=meeting, user=taker)


def meeting_cycle(workspace, chair, taker, data):
    """Two past meetings with approved minutes and one upcoming, invited meeting."""
    first, second, upcoming = plan_meetings(workspace, chair, data["meetings"])
    for meeting, spec in zip((first, second), data["meetings"], strict=False):
        record_minutes(workspace, meeting, spec, chair, taker, data["minutes"])
    meetings.approve_minutes(meeting=first, user=chair, at_meeting=second)
    meetings.approve_minutes(meeting=second, user=chair, at_meeting=None)
    for meeting in (first, second):
        meetings.publish_minutes(meeting=meeting, user=chair)
        if workspace.public_minutes:
            meetings.publish_public_minutes(meeting=meeting, user=chair)
    meetings.send_invitation(meeting=upcoming, user=chair)


def upload_documents(workspace, user, documents):
    files = []
    for spec in documents:
        if "pdf_title" in spec:
            title = spec["pdf_title"].format(workspace=workspace.title)
            content = simple_pdf(title, spec["pdf_line"])
        else:
            content = spec["text"].format(workspace=workspace.title).encode()
        files.append(ContentFile(content, name=spec["name"]))
    document_services.upload(workspace=workspace, user=user, files=files)


def first_with_role(members, role, default=None):
    return next((member["person"] for member in members if member["role"] == role), default)


def add_workspace(index, spec, people, data):
    members = spec.pop("members")
    spec["description"] = paragraph(spec["description"])
    if "public_summary" in spec:
        spec["public_summary"] = paragraph(spec["public_summary"])
    workspace = workspaces.create_workspace(index, **spec)
    start = loader.day(data["memberships_start_days_from_today"])
    for member in members:
        Membership.objects.create(
            workspace=workspace,
            user=people[member["person"]],
            role=member["role"],
            voting=member["voting"],
            resident=member["resident"],
            # Named in the open data (OParl) only where the demo person agreed.
            public_name=member.get("public_name", False),
            start=start,
        )
    chair_key = first_with_role(members, "chair")
    User = get_user_model()
    chair = User.objects.get(pk=people[chair_key].pk)
    taker = User.objects.get(pk=people[first_with_role(members, "minute_taker", chair_key)].pk)
    meeting_cycle(workspace, chair, taker, data)
    upload_documents(workspace, chair, data["documents"])


def build_intranet(home, users):
    index = workspaces.ensure_intranet(home)
    if WorkspacePage.objects.child_of(index).exists():
        return index
    data = loader.load("intranet")
    index.intro = data["index_intro"]
    index.save_revision().publish()
    people = ensure_people(users, data["people"])
    for spec in data["workspaces"]:
        add_workspace(index, spec, people, data)
    public_bodies(home, data["bodies_page"])
    return index


def public_bodies(home, spec):
    if BodiesPage.objects.child_of(home).exists():
        return
    page = BodiesPage(
        title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True
    )
    home.add_child(instance=page)
    page.save_revision().publish()


def translate_bodies(home, locales):
    page = BodiesPage.objects.child_of(home).first()
    if page is not None:
        spec = loader.load("intranet")["bodies_page"]
        translate_everywhere(page, spec, locales, "pages", spec["slug"])
