"""Proposals in the public search: found when anyone may see them, never otherwise."""

import pytest
from wagtail.models import PageViewRestriction

from participation import states
from participation.models import ProposalTranslation

from .factories import in_every_language, make_process, make_proposal, roles

pytestmark = pytest.mark.django_db


def hits(client, query, language="de"):
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code == 200
    return response.context["results"].hits


def test_a_published_proposal_is_found_with_its_type_and_link(client):
    process = make_process("during", slug="ideen")
    proposal = make_proposal(
        process, roles()["author"], title="Trinkbrunnen", description="Am Lindenplatz."
    )
    found = hits(client, "Trinkbrunnen")
    assert [hit.kind for hit in found] == ["Vorschlag"]
    assert found[0].url == f"/de/ideen/vorschlaege/{proposal.pk}/"
    body = client.get("/de/suche/", {"q": "Trinkbrunnen"}).content.decode()
    assert "Vorschlag" in body and found[0].url in body


def test_word_forms_find_proposals(client):
    from tests.portal.test_search import fts_or_skip

    fts_or_skip()
    process = make_process("during", slug="ideen")
    make_proposal(process, roles()["author"], title="Neue Bänke", description="Zwei Vorschläge.")
    assert len(hits(client, "Bank Vorschlag")) == 1


@pytest.mark.parametrize(
    ("state", "hidden"),
    [
        (states.DRAFT, False),
        (states.SUBMITTED, False),
        (states.WITHDRAWN, False),
        (states.PUBLISHED, True),
        (states.ACCEPTED, True),
    ],
)
def test_proposals_nobody_may_see_are_never_found(client, state, hidden):
    people = roles()
    process = make_process("during", slug="ideen")
    make_proposal(process, people["author"], state=state, hidden=hidden, title="Geheimbrunnen")
    for user in (None, people["registered"], people["author"]):
        if user:
            client.force_login(user)
        assert hits(client, "Geheimbrunnen") == []


def test_proposals_of_a_restricted_process_are_never_found(client):
    process = make_process("during", slug="intern")
    make_proposal(process, roles()["author"], title="Geheimbrunnen")
    PageViewRestriction.objects.create(page=process, restriction_type="login")
    assert hits(client, "Geheimbrunnen") == []


def test_a_new_or_edited_proposal_is_found_without_update_index(client):
    process = make_process("during", slug="ideen")
    proposal = make_proposal(process, roles()["author"], title="Wasserspielplatz")
    assert len(hits(client, "Wasserspielplatz")) == 1
    proposal.title = "Bouleplatz"
    proposal.save()
    assert hits(client, "Wasserspielplatz") == []
    assert len(hits(client, "Bouleplatz")) == 1
    proposal.hidden = True
    proposal.save()
    assert hits(client, "Bouleplatz") == []


def test_in_the_visitors_language_with_the_german_original_marked(client):
    process = in_every_language(make_process("during", slug="ideen"))
    author = roles()["author"]
    translated = make_proposal(process, author, title="Trinkbrunnen", description="Wasser.")
    ProposalTranslation.objects.create(
        proposal=translated, language="en", title="Drinking fountain", description="Water."
    )
    make_proposal(process, author, title="Trinkwasserbrunnen", description="Kein Wasser.")
    english = hits(client, "fountain", "en")
    assert [(hit.title, hit.language) for hit in english] == [("Drinking fountain", "en")]
    assert english[0].url.startswith("/en/ideen/vorschlaege/")
    # The translated proposal is found by its English text on /en/, not by its German one.
    assert [hit.title for hit in hits(client, "Trinkbrunnen", "en")] == []
    untranslated = hits(client, "Trinkwasserbrunnen", "en")
    assert [(hit.title, hit.language) for hit in untranslated] == [("Trinkwasserbrunnen", "de")]
    body = client.get("/en/suche/", {"q": "Trinkwasserbrunnen"}).content.decode()
    assert 'lang="de"' in body
    assert [hit.title for hit in hits(client, "Trinkbrunnen")] == ["Trinkbrunnen"]
