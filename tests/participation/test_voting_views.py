"""The ballot pages: every mode, codes, self-declaration, paper ballots, results, and what
people see when something is not possible."""

import pytest
from django.test import Client

from participation.models import Ballot, ResidentVerification, Street
from participation.voting import ballots, codes, identity, modes
from tests.participation.factories import make_vote_process, roles
from tests.portal.factories import UserFactory, with_mfa

pytestmark = pytest.mark.django_db


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def staff_client():
    return client_for(with_mfa(roles()["editor"]))


def vote_url(process):
    return process.url + "abstimmen/"


def test_anonymous_is_asked_to_log_in():
    process, _ = make_vote_process(slug="w-login")
    response = client_for().get(vote_url(process))
    assert response.status_code == 403
    assert "Bitte melden Sie sich an" in response.content.decode()
    assert "/accounts/login/" in response.content.decode()


@pytest.mark.parametrize("mode", [modes.APPROVAL, modes.BUDGET, modes.POINTS, modes.YESNO])
def test_each_mode_renders_and_casts(mode):
    process, (a, b, _c) = make_vote_process(slug=f"w-mode-{mode}", mode=mode)
    client = client_for(UserFactory())
    page = client.get(vote_url(process)).content.decode()
    assert "Vorschlag 1" in page and 'id="ballot-remaining"' in page
    data = {
        modes.APPROVAL: {"choose": [a.pk, b.pk]},
        modes.BUDGET: {"choose": [a.pk, b.pk]},
        modes.POINTS: {f"p-{a.pk}": "6", f"p-{b.pk}": "4"},
        modes.YESNO: {f"p-{a.pk}": "yes", f"p-{b.pk}": "no"},
    }[mode]
    response = client.post(vote_url(process), {**data, "cast": "1"})
    assert response.status_code == 302
    receipt = client.get(vote_url(process)).content.decode()
    assert "Sie haben abgestimmt" in receipt and "Stimmzettel ändern" in receipt
    assert Ballot.objects.get(process=process).votes.count() == 2


def test_invalid_ballot_comes_back_with_what_was_chosen():
    process, (a, b, c) = make_vote_process(slug="w-keep", votes_per_ballot=2)
    client = client_for(UserFactory())
    response = client.post(vote_url(process), {"choose": [a.pk, b.pk, c.pk], "cast": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "höchstens 2 Vorschläge" in page
    assert page.count("checked") == 3
    assert "zu viele Vorschläge" in page
    assert not Ballot.objects.filter(process=process).exists()


def test_points_over_the_limit_and_negative_are_refused_and_kept():
    process, (a, b, _c) = make_vote_process(slug="w-points", mode=modes.POINTS)
    client = client_for(UserFactory())
    response = client.post(vote_url(process), {f"p-{a.pk}": "8", f"p-{b.pk}": "5", "cast": "1"})
    assert response.status_code == 400
    assert 'value="8"' in response.content.decode()
    response = client.post(vote_url(process), {f"p-{a.pk}": "-2", "cast": "1"})
    assert response.status_code == 400 and "negativ" in response.content.decode()
    assert not Ballot.objects.filter(process=process).exists()


def test_proposal_from_another_process_is_refused():
    process, (a, *_rest) = make_vote_process(slug="w-tamper")
    _other, (foreign, *_more) = make_vote_process(slug="w-tamper-other")
    response = client_for(UserFactory()).post(
        vote_url(process), {"choose": [a.pk, foreign.pk], "cast": "1"}
    )
    assert response.status_code == 400
    assert "nicht zur Wahl" in response.content.decode()
    assert not Ballot.objects.filter(process=process).exists()


def test_recalculate_without_javascript_shows_what_is_left_and_saves_nothing():
    process, (a, b, _c) = make_vote_process(slug="w-recalc", mode=modes.BUDGET)
    response = client_for(UserFactory()).post(
        vote_url(process), {"choose": [a.pk, b.pk], "recalculate": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Noch frei: 2.000,00\u00a0€" in page
    assert not Ballot.objects.filter(process=process).exists()


def test_htmx_fragment_shows_what_is_left():
    process, (a, *_rest) = make_vote_process(slug="w-htmx", votes_per_ballot=3)
    client = client_for(UserFactory())
    response = client.post(vote_url(process) + "rest/", {"choose": [a.pk]}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Noch 2 von 3 Stimmen frei" in page and "<html" not in page
    assert client_for().post(vote_url(process) + "rest/", {}).status_code == 204


@pytest.mark.parametrize("when,text", [("before", "Möglich ab"), ("after", "Beendet am")])
def test_outside_the_phase_says_when(when, text):
    process, _ = make_vote_process(when, slug=f"w-{when}")
    response = client_for(UserFactory()).get(vote_url(process))
    assert response.status_code == 403
    assert text in response.content.decode()


def test_query_count_per_vote_is_fixed(django_assert_max_num_queries):
    process, proposals = make_vote_process(
        slug="w-queries", mode=modes.POINTS, points_per_ballot=100, proposals=10
    )
    first, second = client_for(UserFactory()), client_for(UserFactory())
    url = f"/de/stimmabgabe/{process.pk}/"  # where the ballot form posts
    # Warm caches; both then change a ballot they cast (a first ballot is one query fewer).
    first.post(url, {f"p-{proposals[0].pk}": "1", "cast": "1"})
    second.post(url, {f"p-{proposals[1].pk}": "1", "cast": "1"})
    # Session, user and permissions: 4; the page and its privacy: 2; rules: 3; the ballot: 10;
    # the site root paths (cached; one query with the database cache).
    with django_assert_max_num_queries(20) as one:
        response_one = first.post(url, {f"p-{proposals[0].pk}": "1", "cast": "1"})
    with django_assert_max_num_queries(20) as ten:
        response_ten = second.post(url, {f"p-{p.pk}": "1" for p in proposals} | {"cast": "1"})
    assert response_one.status_code == response_ten.status_code == 302
    assert response_ten["Location"] == vote_url(process)  # the ballot page with the receipt
    assert len(ten.captured_queries) == len(one.captured_queries)


def test_ballot_form_posts_past_page_routing_but_not_past_privacy():
    from wagtail.models import PageViewRestriction

    process, (a, *_rest) = make_vote_process(slug="w-private")
    page = client_for(UserFactory()).get(vote_url(process)).content.decode()
    assert f'action="/de/stimmabgabe/{process.pk}/"' in page
    PageViewRestriction.objects.create(page=process, restriction_type="login")
    assert client_for().post(f"/de/stimmabgabe/{process.pk}/", {"cast": "1"}).status_code == 404
    group_only = PageViewRestriction.objects.get(page=process)
    group_only.restriction_type = "groups"
    group_only.save()
    outsider = client_for(UserFactory())
    response = outsider.post(f"/de/stimmabgabe/{process.pk}/", {"choose": [a.pk], "cast": "1"})
    assert response.status_code == 404
    assert not Ballot.objects.filter(process=process).exists()
    process.unpublish()
    assert client_for(UserFactory()).get(f"/de/stimmabgabe/{process.pk}/").status_code == 404


# --- voting codes -------------------------------------------------------------------------


def code_process(slug):
    process, proposals = make_vote_process(slug=slug, participants="code")
    _batch, plain = codes.create_batch(process=process, size=2, label="T", user=None)
    return process, proposals, plain


def test_code_voting_without_an_account():
    process, (a, b, _c), (code, other) = code_process("w-code")
    client = client_for()
    assert "Ihr Abstimmungscode" in client.get(vote_url(process)).content.decode()
    redeemed = client.post(vote_url(process), {"code": code.lower(), "redeem": "1"})
    assert redeemed.status_code == 200 and f'value="{a.pk}"' in redeemed.content.decode()
    cast = client.post(vote_url(process), {"code": code, "choose": [a.pk], "cast": "1"})
    assert cast.status_code == 302
    assert f"quartier_vote_{process.pk}" in cast.cookies
    assert "Sie haben abgestimmt" in client.get(vote_url(process)).content.decode()
    # The same browser changes its ballot; nobody can reuse the code.
    assert client.post(vote_url(process), {"choose": [b.pk], "cast": "1"}).status_code == 302
    ballot = Ballot.objects.get(process=process)
    assert list(ballot.votes.values_list("proposal_id", flat=True)) == [b.pk]
    again = client_for().post(vote_url(process), {"code": code, "redeem": "1"})
    assert again.status_code == 400 and "bereits abgestimmt" in again.content.decode()


def test_code_voting_while_logged_in_is_not_linked_to_the_account():
    process, (a, *_rest), (code, _other) = code_process("w-code-login")
    user = UserFactory()
    client_for(user).post(vote_url(process), {"code": code, "choose": [a.pk], "cast": "1"})
    ballot = Ballot.objects.get(process=process)
    assert ballot.trust == "code"
    assert ballot.voter_key != identity.for_user(user, process).key


def test_unknown_code_keeps_what_was_typed():
    process, _proposals, _plain = code_process("w-code-unknown")
    response = client_for().post(vote_url(process), {"code": "ABCD-EFGH-JKMX", "redeem": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "nicht bekannt" in page and 'value="ABCD-EFGH-JKMX"' in page
    assert 'aria-invalid="true"' in page


def test_code_attempts_are_rate_limited():
    process, _proposals, _plain = code_process("w-code-limit")
    client = client_for()
    statuses = [
        client.post(vote_url(process), {"code": f"AAAA-BBBB-CC{n:02d}", "redeem": "1"}).status_code
        for n in range(21)
    ]
    assert statuses[:20] == [400] * 20 and statuses[20] == 429


# --- verification and self-declaration ----------------------------------------------------


def test_unverified_person_is_told_how_to_get_verified():
    process, _ = make_vote_process(
        slug="w-verify", participants="verified", allow_self_declaration=True
    )
    response = client_for(UserFactory()).get(vote_url(process))
    page = response.content.decode()
    assert response.status_code == 403
    assert "im Stadtteilbüro bestätigen" in page and "abstimmen/wohnort/" in page


def test_self_declaration_then_vote_counts_as_unverified():
    process, (a, *_rest) = make_vote_process(
        slug="w-declare", participants="verified", allow_self_declaration=True, require_age_16=True
    )
    street = Street.objects.create(name="Deklarationsweg")
    user = UserFactory()
    client = client_for(user)
    incomplete = client.post(vote_url(process) + "wohnort/", {"street": street.pk})
    page = incomplete.content.decode()
    assert incomplete.status_code == 200
    assert "Bitte bestätigen Sie Ihre Erklärung" in page and "ab 16 Jahren" in page
    assert f'value="{street.pk}" selected' in page
    done = client.post(
        vote_url(process) + "wohnort/", {"street": street.pk, "age_16": "on", "confirm": "on"}
    )
    assert done.status_code == 302
    record = ResidentVerification.objects.get(user=user)
    assert record.method == "self" and record.verified_by is None
    client.post(vote_url(process), {"choose": [a.pk], "cast": "1"})
    assert Ballot.objects.get(process=process).trust == "self"


def test_self_declaration_is_closed_where_the_process_does_not_allow_it():
    process, _ = make_vote_process(slug="w-no-declare", participants="verified")
    response = client_for(UserFactory()).get(vote_url(process) + "wohnort/")
    assert response.status_code == 403


def test_office_verified_may_vote_and_age_rule_applies():
    process, (a, *_rest) = make_vote_process(
        slug="w-age", participants="verified", require_age_16=True
    )
    young, adult = UserFactory(), UserFactory()
    ResidentVerification.objects.create(user=young, method="office", age_16=False)
    ResidentVerification.objects.create(user=adult, method="office", age_16=True)
    assert client_for(young).get(vote_url(process)).status_code == 403
    assert (
        client_for(adult).post(vote_url(process), {"choose": [a.pk], "cast": "1"}).status_code
        == 302
    )


# --- paper ballots ------------------------------------------------------------------------


def test_paper_ballots_by_staff_only_and_never_twice():
    process, (a, b, _c) = make_vote_process(slug="w-paper")
    url = vote_url(process) + "papier/"
    assert client_for(UserFactory()).get(url).status_code == 403
    staff = staff_client()
    assert staff.get(url).status_code == 200
    resident = UserFactory()
    saved = staff.post(url, {"email": resident.email.upper(), "choose": [a.pk], "cast": "1"})
    assert saved.status_code == 302
    ballot = Ballot.objects.get(process=process)
    assert ballot.channel == "paper"
    twice = staff.post(url, {"email": resident.email, "choose": [b.pk], "cast": "1"})
    assert twice.status_code == 400 and "bereits ein Stimmzettel" in twice.content.decode()
    online = client_for(resident).post(vote_url(process), {"choose": [b.pk], "cast": "1"})
    assert online.status_code == 400 and "auf Papier" in online.content.decode()
    unknown = staff.post(url, {"email": "niemand@example.org", "choose": [a.pk], "cast": "1"})
    page = unknown.content.decode()
    assert unknown.status_code == 400 and "kein Konto" in page
    assert 'value="niemand@example.org"' in page


def test_paper_ballot_for_unverified_person_is_refused():
    process, (a, *_rest) = make_vote_process(slug="w-paper-verify", participants="verified")
    staff = staff_client()
    response = staff.post(
        vote_url(process) + "papier/", {"email": UserFactory().email, "choose": [a.pk], "cast": "1"}
    )
    assert (
        response.status_code == 400
        and "nicht als Bewohner*in bestätigt" in response.content.decode()
    )


def test_paper_ballot_with_a_code():
    process, (a, *_rest), (code, _other) = code_process("w-paper-code")
    staff = staff_client()
    response = staff.post(
        vote_url(process) + "papier/", {"code": code, "choose": [a.pk], "cast": "1"}
    )
    assert response.status_code == 302
    online = client_for().post(vote_url(process), {"code": code, "choose": [a.pk], "cast": "1"})
    assert online.status_code == 400


# --- results ------------------------------------------------------------------------------


def test_results_hidden_during_the_vote_unless_live():
    process, (a, *_rest) = make_vote_process(slug="w-hidden")
    ballots.cast(
        process=process, voter=identity.for_user(UserFactory(), process), choices={a.pk: 1}
    )
    hidden = staff_client().get(process.url + "ergebnisse/")
    assert hidden.status_code == 403 and "Möglich ab" in hidden.content.decode()
    assert client_for().get(process.url + "ergebnisse/csv/").status_code == 403
    live, (b, *_more) = make_vote_process(slug="w-live", live_results=True)
    page = client_for().get(live.url + "ergebnisse/").content.decode()
    assert "Zwischenstand" in page


def test_results_after_the_vote_with_csv_and_decision():
    process, (a, b, _c) = make_vote_process(
        "after", slug="w-results", voting_decision="<p>Das Büro setzt Vorschlag 1 um.</p>"
    )
    for choices in ({a.pk: 1, b.pk: 1}, {a.pk: 1}):
        ballots.cast(
            process=process, voter=identity.for_user(UserFactory(), process), choices=choices
        )
    page = client_for().get(process.url + "ergebnisse/").content.decode()
    assert "Endergebnis" in page and "Das Büro setzt Vorschlag 1 um." in page
    assert "Bei Gleichstand" in page
    csv = client_for().get(process.url + "ergebnisse/csv/")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert csv["Content-Type"].startswith("text/csv")
    assert lines[1].startswith("1;Vorschlag 1;1000.00;2;0")
    assert lines[2].startswith("2;Vorschlag 2;2000.00;1;0")


def test_process_page_offers_voting_and_results():
    process, _ = make_vote_process(slug="w-process-page")
    page = client_for(UserFactory()).get(process.url).content.decode()
    assert "Jetzt abstimmen" in page
    finished, _ = make_vote_process("after", slug="w-process-page-after")
    assert "Ergebnisse ansehen" in client_for().get(finished.url).content.decode()
