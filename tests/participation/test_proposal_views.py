import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation import states
from participation.models import Proposal, Support
from tests.portal.factories import UserFactory

from .factories import make_process, make_proposal

pytestmark = pytest.mark.django_db
VALID = {
    "title": "Mehr Bäume",
    "description": "Am Lindenplatz fehlt Schatten.",
    "place": "Lindenplatz",
    "requested_budget": "3000",
    "language": "de",
}


@pytest.fixture
def process():
    return make_process("during", slug="verfahren-ansicht")


def test_process_page_shows_timeline_and_actions(client, process):
    body = client.get(process.url).content.decode()
    assert 'aria-current="step"' in body
    assert "Vorschläge einreichen" in body


def test_anonymous_gets_an_explanation_not_an_error(client, process):
    response = client.get(process.url + "vorschlaege/neu/")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Bitte melden Sie sich an" in body
    assert "/de/accounts/login/?next=" in body


def test_before_the_phase_the_page_says_when_it_opens(client):
    early = make_process("before", slug="frueh")
    client.force_login(UserFactory())
    body = client.get(early.url + "vorschlaege/neu/").content.decode()
    assert "Möglich ab" in body


def test_submit_preview_draft_and_submit(client, process):
    user = UserFactory()
    client.force_login(user)
    form = client.get(process.url + "vorschlaege/neu/")
    token = form.context["form"].initial["client_token"]
    preview = client.post(
        process.url + "vorschlaege/neu/", {**VALID, "preview": "1", "client_token": token}
    )
    assert preview.status_code == 200 and "Vorschau" in preview.content.decode()
    assert not Proposal.objects.filter(process=process).exists()
    response = client.post(
        process.url + "vorschlaege/neu/", {**VALID, "submit": "1", "client_token": token}
    )
    proposal = Proposal.objects.get(process=process)
    assert response["Location"] == process.url + f"vorschlaege/{proposal.pk}/"
    assert proposal.state == states.SUBMITTED and proposal.author == user
    assert list(proposal.history.values_list("to_state", flat=True)) == ["draft", "submitted"]
    # The same form sent again creates nothing new.
    again = client.post(
        process.url + "vorschlaege/neu/", {**VALID, "submit": "1", "client_token": token}
    )
    assert again.status_code == 302
    assert Proposal.objects.filter(process=process).count() == 1


def test_bad_input_is_refused_and_kept(client, process):
    client.force_login(UserFactory())
    response = client.post(
        process.url + "vorschlaege/neu/",
        {
            **VALID,
            "title": "",
            "requested_budget": "-5",
            "description": "<script>alert(1)</script>",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)</script>" not in body
    assert not Proposal.objects.filter(process=process).exists()


def test_budget_above_the_process_budget_is_refused(client, process):
    client.force_login(UserFactory())
    response = client.post(
        process.url + "vorschlaege/neu/", {**VALID, "requested_budget": "99999", "submit": "1"}
    )
    assert response.status_code == 200
    assert not Proposal.objects.exists() or not Proposal.objects.filter(process=process).exists()


def test_wrong_upload_type_is_refused_and_rest_kept(client, process):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(UserFactory())
    fake = SimpleUploadedFile("bild.png", b"kein Bild", content_type="image/png")
    response = client.post(
        process.url + "vorschlaege/neu/", {**VALID, "image": fake, "submit": "1"}
    )
    assert response.status_code == 200
    assert 'value="Mehr Bäume"' in response.content.decode()
    assert not Proposal.objects.filter(process=process).exists()


def test_drafts_are_private(client, process):
    author = UserFactory()
    draft = make_proposal(process, author, states.DRAFT, title="Geheimer Entwurf")
    url = process.url + f"vorschlaege/{draft.pk}/"
    assert client.get(url).status_code == 404
    assert "Geheimer Entwurf" not in client.get(process.url).content.decode()
    client.force_login(author)
    assert client.get(url).status_code == 200


def test_support_once_and_withdraw_support(client, process):
    proposal = make_proposal(process, UserFactory())
    supporter = UserFactory()
    client.force_login(supporter)
    url = process.url + f"vorschlaege/{proposal.pk}/unterstuetzen/"
    client.post(url, {"support": "1"})
    client.post(url, {"support": "1"})  # double click
    proposal.refresh_from_db()
    assert proposal.support_count == 1 == Support.objects.filter(proposal=proposal).count()
    client.post(url, {"support": "0"})
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_author_cannot_support_own_proposal(client, process):
    author = UserFactory()
    proposal = make_proposal(process, author)
    client.force_login(author)
    response = client.post(
        process.url + f"vorschlaege/{proposal.pk}/unterstuetzen/", {"support": "1"}
    )
    assert response.status_code == 403
    assert Support.objects.count() == 0


def test_office_decision_needs_public_reason_for_rejection(client, process, people):
    proposal = make_proposal(process, UserFactory(), states.SUBMITTED)
    client.force_login(people["admin"])
    url = process.url + f"vorschlaege/{proposal.pk}/entscheiden/"
    client.post(url, {"to_state": "rejected", "reason": ""})
    proposal.refresh_from_db()
    assert proposal.state == states.SUBMITTED
    client.post(url, {"to_state": "rejected", "reason": "Die Fläche gehört nicht der Stadt."})
    proposal.refresh_from_db()
    assert proposal.state == states.REJECTED
    body = client.get(process.url + f"vorschlaege/{proposal.pk}/").content.decode()
    assert "Die Fläche gehört nicht der Stadt." in body


def test_assisted_entry_records_consent_and_shows_it(client, process, people):
    client.force_login(people["admin"])
    url = process.url + "vorschlaege/eintragen/"
    response = client.post(url, {**VALID, "submit": "1"})
    assert response.status_code == 200  # consent missing
    client.post(url, {**VALID, "submit": "1", "consent": "on"})
    proposal = Proposal.objects.get(process=process)
    assert proposal.entered_by == people["admin"] and proposal.consent_recorded
    assert proposal.author is None


def test_residents_cannot_use_assisted_entry(client, process):
    client.force_login(UserFactory())
    assert client.get(process.url + "vorschlaege/eintragen/").status_code == 403


def test_withdraw_asks_first_and_can_be_undone_while_the_phase_lasts(client, process):
    author = UserFactory()
    proposal = make_proposal(process, author)
    client.force_login(author)
    detail = process.url + f"vorschlaege/{proposal.pk}/"
    url = detail + "zurueckziehen/"
    assert f'href="{url}"' in client.get(detail).content.decode()
    # The button leads to a question; neither looking nor a bare post withdraws.
    for response in (client.get(url), client.post(url)):
        body = response.content.decode()
        assert response.status_code == 200 and "Vorschlag zurückziehen?" in body
        assert 'name="confirm" value="1"' in body and "rückgängig machen" in body
    proposal.refresh_from_db()
    assert proposal.state == states.PUBLISHED
    response = client.post(url, {"confirm": "1"}, follow=True)
    proposal.refresh_from_db()
    assert proposal.state == states.WITHDRAWN
    body = response.content.decode()
    assert "Zurückziehen rückgängig machen" in body and "wiederherstellen/" in body
    client.post(detail + "wiederherstellen/")
    proposal.refresh_from_db()
    assert proposal.state == states.PUBLISHED
    assert list(proposal.history.values_list("to_state", flat=True))[-2:] == [
        states.WITHDRAWN,
        states.PUBLISHED,
    ]


def test_a_withdrawal_cannot_be_undone_after_its_phase(client, process):
    from datetime import timedelta

    from django.utils import timezone

    author = UserFactory()
    proposal = make_proposal(process, author)
    client.force_login(author)
    client.post(process.url + f"vorschlaege/{proposal.pk}/zurueckziehen/", {"confirm": "1"})
    phase = process.phases.first()
    later = phase.end + timedelta(minutes=1)
    from participation import rules

    proposal.refresh_from_db()
    assert rules.can_restore(author, proposal)
    assert not rules.can_restore(author, proposal, moment=later)
    assert rules.can_restore(author, proposal, moment=later).kind == rules.PHASE
    # A stranger never can; the undo refuses after the phase, with a reason.
    assert not rules.can_restore(UserFactory(), proposal)
    process.phases.update(end=timezone.now() - timedelta(seconds=1))
    response = client.post(process.url + f"vorschlaege/{proposal.pk}/wiederherstellen/")
    proposal.refresh_from_db()
    assert proposal.state == states.WITHDRAWN and response.status_code in (302, 403)


@pytest.mark.parametrize("sort", ["neu", "unterstuetzt", "zufall", "unsinn"])
def test_list_sorts_and_filters(client, process, sort):
    author = UserFactory()
    for number in range(3):
        make_proposal(process, author, title=f"Idee {number}", support_count=number)
    response = client.get(process.url, {"sort": sort, "stand": "published", "q": "Idee"})
    assert response.status_code == 200
    assert response.context["proposals"].paginator.count == 3
    if sort == "unterstuetzt":
        assert [p.support_count for p in response.context["proposals"]] == [2, 1, 0]


def test_random_order_is_stable_per_visitor(client, process):
    author = UserFactory()
    for number in range(8):
        make_proposal(process, author, title=f"Idee {number}")
    first = [p.pk for p in client.get(process.url, {"sort": "zufall"}).context["proposals"]]
    second = [p.pk for p in client.get(process.url, {"sort": "zufall"}).context["proposals"]]
    assert first == second


def test_list_query_count_is_constant(client, process):
    author = UserFactory()

    def queries():
        client.get(process.url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(process.url)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    Proposal.objects.bulk_create(
        Proposal(
            process=process,
            author=author,
            title=f"Idee {n}",
            description="x",
            state=states.PUBLISHED,
        )
        for n in range(10)
    )
    small = queries()
    Proposal.objects.bulk_create(
        Proposal(
            process=process,
            author=author,
            title=f"Idee {n}",
            description="x",
            state=states.PUBLISHED,
        )
        for n in range(10, 10_000)
    )
    assert queries() == small


@pytest.mark.parametrize(
    ("name", "content", "ok"),
    [
        ("plan.pdf", b"%PDF-1.4 rest", True),
        ("plan.pdf", b"MZ\x90\x00 not a pdf", False),
        ("script.exe", b"MZ\x90\x00", False),
        ("skizze.png", b"\x89PNG\r\n\x1a\n....", False),  # the header alone is no image
        ("skizze.png", "real-png", True),
    ],
)
def test_attachments_are_checked(client, process, name, content, ok):
    from django.core.files.uploadedfile import SimpleUploadedFile

    if content == "real-png":
        import io

        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (4, 4)).save(buffer, "PNG")
        content = buffer.getvalue()
    client.force_login(UserFactory())
    upload = SimpleUploadedFile(name, content)
    response = client.post(
        process.url + "vorschlaege/neu/", {**VALID, "attachment": upload, "submit": "1"}
    )
    assert Proposal.objects.filter(process=process).exists() is ok
    if not ok:
        assert response.status_code == 200
        assert 'value="Mehr Bäume"' in response.content.decode()


def test_oversized_attachment_is_refused(client, process):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(UserFactory())
    big = SimpleUploadedFile("gross.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024 + 1))
    response = client.post(
        process.url + "vorschlaege/neu/", {**VALID, "attachment": big, "submit": "1"}
    )
    assert response.status_code == 200
    assert not Proposal.objects.filter(process=process).exists()


def test_proposals_over_the_threshold_are_marked_in_the_list(client, process):
    author = UserFactory()
    make_proposal(process, author, title="Beliebt", support_count=process.support_threshold)
    make_proposal(process, author, title="Neu", support_count=0)
    body = client.get(process.url).content.decode()
    assert body.count("Schwelle erreicht") == 1


def test_a_proposal_has_one_breadcrumb_trail_from_the_home_page(client, process):
    proposal = make_proposal(process, UserFactory())
    body = client.get(process.url + f"vorschlaege/{proposal.pk}/").content.decode()
    assert body.count('class="breadcrumbs"') == 1
    trail = body.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert trail.index("Startseite") < trail.index(process.title) < trail.index(proposal.title)
    assert f'<li aria-current="page">{proposal.title}</li>' in trail


def _published(process, count):
    author = UserFactory()
    return Proposal.objects.bulk_create(
        Proposal(
            process=process,
            author=author,
            title=f"Idee {n}",
            description="x",
            state=states.PUBLISHED,
        )
        for n in range(count)
    )


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("", 12), ("24", 24), ("50", 30), ("7", 12), ("viele", 12), ("-50", 12)],
)
def test_the_visitor_chooses_how_many_proposals_a_page_shows(client, process, asked, shown):
    _published(process, 30)
    response = client.get(process.url, {"anzahl": asked} if asked else {})
    assert response.status_code == 200
    assert len(response.context["proposals"].object_list) == shown
    body = response.content.decode()
    assert body.count('class="kern-card"') == shown
    assert 'name="anzahl"' in body
    selected = asked if asked in ("24", "50") else "12"
    assert f'<option value="{selected}" selected>' in body


def test_the_chosen_page_size_stays_on_the_next_page(client, process):
    _published(process, 60)
    body = client.get(process.url, {"anzahl": "24"}).content.decode()
    assert "anzahl=24" in body and "seite=2" in body
    second = client.get(process.url, {"anzahl": "24", "seite": "3"})
    assert len(second.context["proposals"].object_list) == 12


def test_cards_count_the_visible_comments_of_their_own_proposal(client, process):
    from participation.models import Comment

    first, second, third = _published(process, 3)
    reader = UserFactory()
    Comment.objects.bulk_create(
        [
            Comment(proposal=first, author=reader, text="Ja."),
            Comment(proposal=first, author=reader, text="Gut."),
            Comment(proposal=first, author=reader, text="Weg.", hidden=True),
            Comment(proposal=second, author=reader, text="Hm."),
        ]
    )
    response = client.get(process.url)
    counts = {p.pk: p.comment_count for p in response.context["proposals"]}
    assert counts == {first.pk: 2, second.pk: 1, third.pk: 0}
    body = response.content.decode()
    assert "2 Kommentare" in body and "1 Kommentar" in body and "0 Kommentare" in body
    # Each card links to its own proposal, as {% routablepageurl %} would.
    for proposal in (first, second, third):
        assert f'href="{process.url}vorschlaege/{proposal.pk}/"' in body
